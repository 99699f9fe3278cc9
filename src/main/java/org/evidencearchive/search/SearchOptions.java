package org.evidencearchive.search;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tuning of the export (format 2).
 *
 * @param tierSizes postings per impact tier: tier 0 holds the first value,
 *     tier t the t-th value; the last value repeats for every further tier
 * @param inlineMax a term in at most this many documents keeps all its postings in the dictionary entry
 * @param dictShardBytes a dictionary shard is closed once its entries reach this many bytes
 * @param chunkChars target text characters per document chunk file
 * @param maxChunks most chunks a document is cut into (the chunk number shares a posting value, 3 bits)
 * @param scale impacts are stored as round(score × scale)
 * @param fieldWeights multiplier of each text field's BM25 score
 */
public record SearchOptions(
        List<Integer> tierSizes, int inlineMax, int dictShardBytes, int chunkChars, int maxChunks, int scale,
        Map<String, Double> fieldWeights) {

    /** The text fields, in the order they are indexed. */
    public static final String TITLE = "title", BODY = "body", PEOPLE = "people";

    /** Checks the values and copies the weights into a sorted map. */
    public SearchOptions {
        tierSizes = List.copyOf(tierSizes);
        if (tierSizes.isEmpty() || tierSizes.stream().anyMatch(s -> s < 1) || inlineMax < 0 || dictShardBytes < 1 || chunkChars < 1
                || maxChunks < 1 || maxChunks > 8 || scale < 1) {
            throw new IllegalArgumentException("invalid search options");
        }
        fieldWeights = new TreeMap<>(fieldWeights);
    }

    /**
     * Returns the defaults: tiers of 128, 512, 2,048, then 4,096 postings; terms in at most 16 documents inline;
     * dictionary shards of ~4 kB;
     * document chunks of ~3,000 characters, at most 8; impacts in hundredths; title 3, people 2, body 1.
     */
    public static SearchOptions defaults() {
        return new SearchOptions(List.of(128, 512, 2048, 4096), 16, 4_000, 3_000, 8, 100,
                Map.of(TITLE, 3.0, PEOPLE, 2.0, BODY, 1.0));
    }

    /** Returns a copy with other tier sizes (tests use tiny tiers to exercise early termination). */
    public SearchOptions withTierSizes(List<Integer> sizes) {
        return new SearchOptions(sizes, inlineMax, dictShardBytes, chunkChars, maxChunks, scale, fieldWeights);
    }

    /** Returns a copy with another dictionary shard size. */
    public SearchOptions withDictShardBytes(int bytes) {
        return new SearchOptions(tierSizes, inlineMax, bytes, chunkChars, maxChunks, scale, fieldWeights);
    }

    /** Returns a copy with another chunk size. */
    public SearchOptions withChunkChars(int chars) {
        return new SearchOptions(tierSizes, inlineMax, dictShardBytes, chars, maxChunks, scale, fieldWeights);
    }

    /** Returns a copy that keeps terms in at most this many documents inline. */
    public SearchOptions withInlineMax(int max) {
        return new SearchOptions(tierSizes, max, dictShardBytes, chunkChars, maxChunks, scale, fieldWeights);
    }

    /** Returns the size of tier t. */
    public int tierSize(int t) {
        return tierSizes.get(Math.min(t, tierSizes.size() - 1));
    }
}
