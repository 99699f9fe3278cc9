package org.evidencearchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Reads the terms of the text fields back from a Lucene index and encodes each one: for every (term,
 * document) one impact, the field-weighted sum of Lucene's own BM25 scores. The fields' term dictionaries are
 * walked side by side, so a term's postings are complete (over every field) when the walk leaves it; it is
 * encoded there and then, and only the encoded {@link TermEntry} is kept.
 */
final class TermReader {

    /** One text field to read: its weight, statistics and norms (by composite doc id). */
    record FieldSource(String field, double weight, CollectionStatistics stats, long[] norms) {}

    private final IndexReader reader;
    private final List<FieldSource> sources;
    private final BM25Similarity similarity;
    private final int[] ordOf;
    private final List<SearchIndexer.Chunks> chunks;
    private final SearchOptions options;

    /**
     * @param sources the text fields in reading order (body first, so a posting's chunk comes from the body)
     * @param ordOf export id of each composite Lucene doc id
     * @param chunks each document's chunks, by export id
     */
    TermReader(
            IndexReader reader,
            List<FieldSource> sources,
            BM25Similarity similarity,
            int[] ordOf,
            List<SearchIndexer.Chunks> chunks,
            SearchOptions options) {
        this.reader = reader;
        this.sources = sources;
        this.similarity = similarity;
        this.ordOf = ordOf;
        this.chunks = chunks;
        this.options = options;
    }

    /** Reads and encodes every term, disjoint term ranges in parallel; returns them sorted by term. */
    List<TermEntry> readAll() throws IOException {
        List<BytesRef> splits = splitPoints(Runtime.getRuntime().availableProcessors());
        List<List<TermEntry>> parts;
        try {
            parts = IntStream.range(0, splits.size() + 1).parallel().mapToObj(part -> {
                BytesRef lo = part == 0 ? null : splits.get(part - 1);
                BytesRef hi = part == splits.size() ? null : splits.get(part);
                try {
                    return read(lo, hi);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<TermEntry> all = new ArrayList<>(parts.stream().mapToInt(List::size).sum());
        parts.forEach(all::addAll);
        // Lucene orders terms by UTF-8 bytes, the export by String (UTF-16): they differ only past U+FFFF
        all.sort(Comparator.comparing(TermEntry::term));
        return all;
    }

    /** Body terms that cut the dictionary into parts of about equal posting counts. */
    private List<BytesRef> splitPoints(int parts) throws IOException {
        List<BytesRef> out = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(reader, SearchOptions.BODY);
        if (terms == null || parts < 2) {
            return out;
        }
        long total = 0;
        TermsEnum te = terms.iterator();
        while (te.next() != null) {
            total += te.docFreq();
        }
        long sum = 0;
        te = terms.iterator();
        for (BytesRef b = te.next(); b != null && out.size() < parts - 1; b = te.next()) {
            sum += te.docFreq();
            if (sum * parts >= total * (out.size() + 1)) {
                out.add(BytesRef.deepCopyOf(b));
            }
        }
        return out;
    }

    /** Reads and encodes the terms in [lo, hi) (null: unbounded) of every field, in byte order. */
    private List<TermEntry> read(BytesRef lo, BytesRef hi) throws IOException {
        List<Cursor> cursors = new ArrayList<>();
        for (FieldSource source : sources) {
            Terms terms = MultiTerms.getTerms(reader, source.field());
            if (terms != null) {
                cursors.add(new Cursor(source, terms.iterator(), lo, hi));
            }
        }
        List<TermEntry> out = new ArrayList<>();
        Acc acc = new Acc();
        while (true) {
            BytesRef least = null;
            for (Cursor c : cursors) {
                if (c.term != null && (least == null || c.term.compareTo(least) < 0)) {
                    least = c.term;
                }
            }
            if (least == null) {
                return out;
            }
            BytesRef term = BytesRef.deepCopyOf(least); // a cursor's term changes when it moves on
            acc.clear();
            for (Cursor c : cursors) { // in field order: each document's body score is added first
                if (c.term != null && c.term.bytesEquals(term)) {
                    c.addPostings(acc);
                    c.next();
                }
            }
            out.add(acc.toEntry(term.utf8ToString(), options));
        }
    }

    /** One field's place in its term dictionary, within a term range. */
    private final class Cursor {
        private final FieldSource source;
        private final TermsEnum terms;
        private final BytesRef hi;
        private final boolean body;
        private final int[] perChunk = new int[8];
        private PostingsEnum postings;
        /** The current term (owned by the enum), or null past the range. */
        BytesRef term;

        Cursor(FieldSource source, TermsEnum terms, BytesRef lo, BytesRef hi) throws IOException {
            this.source = source;
            this.terms = terms;
            this.hi = hi;
            this.body = source.field().equals(SearchOptions.BODY);
            if (lo == null) {
                term = terms.next();
            } else {
                term = terms.seekCeil(lo) == TermsEnum.SeekStatus.END ? null : terms.term();
            }
            bound();
        }

        void next() throws IOException {
            term = terms.next();
            bound();
        }

        private void bound() {
            if (term != null && hi != null && term.compareTo(hi) >= 0) {
                term = null;
            }
        }

        /** Adds the weighted score (and, in the body, the chunk) of each of the current term's postings. */
        void addPostings(Acc acc) throws IOException {
            TermStatistics ts = new TermStatistics(BytesRef.deepCopyOf(term), terms.docFreq(), terms.totalTermFreq());
            SimScorer scorer = similarity.scorer(1f, source.stats(), ts);
            long[] norms = source.norms();
            postings = terms.postings(postings, body ? PostingsEnum.POSITIONS : PostingsEnum.FREQS);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                int freq = postings.freq();
                int ord = ordOf[doc];
                int chunk = 0;
                if (body) {
                    SearchIndexer.Chunks c = chunks.get(ord);
                    if (c.count() > 1) {
                        Arrays.fill(perChunk, 0);
                        for (int i = 0; i < freq; i++) {
                            perChunk[c.chunkAt(postings.nextPosition())]++;
                        }
                        for (int i = 1; i < perChunk.length; i++) {
                            if (perChunk[i] > perChunk[chunk]) {
                                chunk = i;
                            }
                        }
                    }
                }
                acc.add(ord, source.weight() * scorer.score(freq, norms[doc]), chunk);
            }
        }
    }

    /** Postings of one term gathered over the fields: export id, weighted score, chunk (reused from term to term). */
    static final class Acc {
        private int n;
        private int[] ords = new int[64];
        private double[] scores = new double[64];
        private byte[] chunks = new byte[64];
        private boolean unsorted;

        void clear() {
            n = 0;
            unsorted = false;
        }

        void add(int ord, double score, int chunk) {
            if (n == ords.length) {
                int cap = n * 2;
                ords = Arrays.copyOf(ords, cap);
                scores = Arrays.copyOf(scores, cap);
                chunks = Arrays.copyOf(chunks, cap);
            }
            if (n > 0 && ords[n - 1] >= ord) {
                unsorted = true;
            }
            ords[n] = ord;
            scores[n] = score;
            chunks[n] = (byte) chunk;
            n++;
        }

        /** Sums each document's field scores, quantises, orders by impact descending, then id, and encodes. */
        TermEntry toEntry(String term, SearchOptions options) {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = ((long) ords[i] << 32) | i; // by document, then append order (the body posting first)
            }
            if (unsorted) {
                Arrays.sort(keys);
            }
            int m = 0;
            int[] docs = new int[n];
            double[] sum = new double[n];
            byte[] ch = new byte[n];
            for (int k = 0; k < n; k++) {
                int i = (int) keys[k];
                if (m > 0 && docs[m - 1] == ords[i]) {
                    sum[m - 1] += scores[i];
                } else {
                    docs[m] = ords[i];
                    sum[m] = scores[i];
                    ch[m] = chunks[i];
                    m++;
                }
            }
            long[] order = new long[m];
            for (int i = 0; i < m; i++) {
                // docs ascend with i, so ties of impact keep document order
                order[i] = ((long) (Integer.MAX_VALUE - SearchIndexer.quantise(sum[i], options.scale())) << 32) | i;
            }
            Arrays.sort(order);
            int[] d2 = new int[m];
            int[] i2 = new int[m];
            byte[] c2 = new byte[m];
            for (int k = 0; k < m; k++) {
                int i = (int) order[k];
                d2[k] = docs[i];
                i2[k] = Integer.MAX_VALUE - (int) (order[k] >>> 32);
                c2[k] = ch[i];
            }
            return TermEntry.of(term, d2, i2, c2, options);
        }
    }
}
