package org.evidencearchive.search;

import java.util.ArrayList;
import java.util.List;

/** Cuts the sorted term list into contiguous shards of bounded weight. */
final class ShardPlanner {

  /**
   * One term shard.
   *
   * @param file path relative to the search directory
   * @param terms the terms in the shard, sorted
   */
  record Shard(String file, List<TermEntry> terms) {
    String first() {
      return terms.get(0).term();
    }

    String last() {
      return terms.get(terms.size() - 1).term();
    }
  }

  private ShardPlanner() {}

  /** Splits the sorted terms into shards, closing a shard once it reaches the weight limit. */
  static List<Shard> plan(List<TermEntry> sortedTerms, int maxWeight) {
    List<Shard> shards = new ArrayList<>();
    List<TermEntry> current = new ArrayList<>();
    int weight = 0;
    for (TermEntry t : sortedTerms) {
      current.add(t);
      weight += t.weight();
      if (weight >= maxWeight) {
        shards.add(new Shard(shardFile(shards.size()), current));
        current = new ArrayList<>();
        weight = 0;
      }
    }
    if (!current.isEmpty()) {
      shards.add(new Shard(shardFile(shards.size()), current));
    }
    return shards;
  }

  static String shardFile(int n) {
    return String.format(java.util.Locale.ROOT, "terms/%04d.json", n);
  }
}
