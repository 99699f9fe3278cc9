package org.evidencearchive.search;

import java.util.Arrays;

/**
 * One term of the index, already encoded as it will be published: the export keeps these few bytes per
 * posting instead of the postings themselves.
 *
 * @param term the analyzed term
 * @param df the number of documents holding the term
 * @param tierMax per tier: its highest impact (the impact of the tier's first posting in impact order); empty
 *     for a term the dictionary holds inline
 * @param tiers per tier: its postings as a JSON string literal, ASCII (see {@link #encodeTier}); a term the
 *     dictionary holds inline has one tier with all its postings
 */
record TermEntry(String term, int df, int[] tierMax, byte[][] tiers) {

    private static final int[] NO_TIERS = {};

    /**
     * Encodes a term's postings, given in impact order (impact descending, then document ascending), into
     * tiers: one tier when df &lt;= {@link SearchOptions#inlineMax()}, else tiers of {@link
     * SearchOptions#tierSize(int)} postings each.
     *
     * @param docs document ids, in impact order
     * @param impacts per posting: round(scale × Σ over fields of field weight × Lucene's BM25 score)
     * @param chunks per posting: the document chunk where the term occurs most in the body (0 if not in the body)
     */
    static TermEntry of(String term, int[] docs, int[] impacts, byte[] chunks, SearchOptions options) {
        int df = docs.length;
        if (df <= options.inlineMax()) {
            return new TermEntry(term, df, NO_TIERS, new byte[][] {encodeTier(docs, impacts, chunks, 0, df)});
        }
        int count = 0;
        for (int from = 0; from < df; count++) {
            from += options.tierSize(count);
        }
        int[] max = new int[count];
        byte[][] tiers = new byte[count][];
        int from = 0;
        for (int tier = 0; tier < count; tier++) {
            int to = Math.min(df, from + options.tierSize(tier));
            max[tier] = impacts[from];
            tiers[tier] = encodeTier(docs, impacts, chunks, from, to);
            from = to;
        }
        return new TermEntry(term, df, max, tiers);
    }

    /**
     * Encodes postings [from, to) as a JSON string literal of varints: the tier's lowest impact L, then per
     * posting sorted by document: doc - previous doc (the first: doc), (impact - L) × 8 + chunk.
     */
    static byte[] encodeTier(int[] docs, int[] impacts, byte[] chunks, int from, int to) {
        int n = to - from;
        int low = impacts[to - 1];
        long[] keyed = new long[n];
        for (int k = 0; k < n; k++) {
            long value = (long) (impacts[from + k] - low) * 8 + chunks[from + k];
            keyed[k] = ((long) docs[from + k] << 32) | value;
        }
        Arrays.sort(keyed);
        Varints out = new Varints(n * 4 + 8);
        out.quote();
        out.add(low);
        int prev = 0;
        for (int k = 0; k < n; k++) {
            int doc = (int) (keyed[k] >>> 32);
            out.add(doc - prev);
            out.add(keyed[k] & 0xffffffffL);
            prev = doc;
        }
        out.quote();
        return out.toBytes();
    }
}
