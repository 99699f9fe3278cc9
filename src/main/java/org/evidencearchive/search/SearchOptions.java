package org.evidencearchive.search;

import java.util.Map;
import java.util.TreeMap;

/**
 * Tuning of the export.
 *
 * @param maxShardWeight a term shard is closed once its postings weigh this much (one unit per posting
 *     plus one per position), so a shard stays small (tens of KB gzipped)
 * @param docsPerShard documents per doc-table shard
 * @param fieldWeights multiplier of each text field's BM25 score in the browser
 */
public record SearchOptions(int maxShardWeight, int docsPerShard, Map<String, Double> fieldWeights) {

  /** The text fields, in the order they are indexed. */
  public static final String TITLE = "title", BODY = "body", PEOPLE = "people";

  /** Checks the values and copies the weights into a sorted map. */
  public SearchOptions {
    if (maxShardWeight < 1 || docsPerShard < 1) {
      throw new IllegalArgumentException("shard sizes must be positive");
    }
    fieldWeights = new TreeMap<>(fieldWeights);
  }

  /** Returns the defaults: 8,000 posting units per shard, 500 docs per doc shard, title 3, people 2, body 1. */
  public static SearchOptions defaults() {
    return new SearchOptions(8_000, 500, Map.of(TITLE, 3.0, PEOPLE, 2.0, BODY, 1.0));
  }

  /** Returns a copy with another shard size (tests use tiny shards to exercise sharding). */
  public SearchOptions withMaxShardWeight(int weight) {
    return new SearchOptions(weight, docsPerShard, fieldWeights);
  }

  /** Returns a copy with another doc-table shard size. */
  public SearchOptions withDocsPerShard(int docs) {
    return new SearchOptions(maxShardWeight, docs, fieldWeights);
  }
}
