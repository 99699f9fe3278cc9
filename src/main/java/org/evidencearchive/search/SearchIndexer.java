package org.evidencearchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;

/**
 * Builds a Lucene index of the documents and reads its term statistics back into a {@link SearchExport}: for
 * every (term, document) one impact, the field-weighted sum of Lucene's own BM25 scores.
 */
public final class SearchIndexer {

    static final String ORD = "ord", TYPE = "type", TOPIC = "topic";
    /** Text fields in reading order: body first, so a posting's chunk comes from the body. */
    static final List<String> TEXT_FIELDS = List.of(SearchOptions.BODY, SearchOptions.PEOPLE, SearchOptions.TITLE);

    private SearchIndexer() {}

    /** Builds the export of the documents with the default options. */
    public static SearchExport build(List<SearchDocument> docs) {
        return build(docs, SearchOptions.defaults());
    }

    /** Builds the export of the documents; document ids follow the documents sorted by URL. */
    public static SearchExport build(List<SearchDocument> docs, SearchOptions options) {
        return build(docs, options, Vocabulary.EMPTY);
    }

    /** Builds the export of the documents, applying the vocabulary; document ids follow the documents sorted by URL. */
    public static SearchExport build(List<SearchDocument> docs, SearchOptions options, Vocabulary vocabulary) {
        List<SearchDocument> sorted = new ArrayList<>(docs);
        sorted.sort(Comparator.comparing(SearchDocument::url));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).url().equals(sorted.get(i - 1).url())) {
                throw new IllegalArgumentException("duplicate search document url: " + sorted.get(i).url());
            }
        }
        BodyPositions body = new BodyPositions();
        org.apache.lucene.analysis.Analyzer analyzer = SearchAnalysis.newAnalyzer(vocabulary, body);
        BM25Similarity similarity = new BM25Similarity();
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), sorted.size() / 2_000 + 1));
        List<Directory> dirs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            dirs.add(new ByteBuffersDirectory());
        }
        Read read;
        List<Chunks> chunks;
        try {
            long t1 = System.nanoTime();
            chunks = index(dirs, sorted, similarity, analyzer, body, options);
            long t2 = System.nanoTime();
            try (MultiReader reader = open(dirs)) {
                read = read(reader, similarity, chunks, options);
            }
            long t3 = System.nanoTime();
            if (Boolean.getBoolean("search.timing")) {
                long bytes = 0;
                int files = 0;
                for (Directory dir : dirs) {
                    for (String f : dir.listAll()) {
                        bytes += dir.fileLength(f);
                        files++;
                    }
                }
                System.err.printf("search index: lucene and chunks %.2f s, read and encode %.2f s; %d files, %d MiB%n",
                        (t2 - t1) / 1e9, (t3 - t2) / 1e9, files, bytes >> 20);
            }
            IOUtils.close(dirs);
        } catch (IOException e) {
            IOUtils.closeWhileHandlingException(dirs);
            throw new UncheckedIOException(e);
        }
        // The Lucene index is closed and unreachable here: the export keeps only the encoded terms.
        return new SearchExport(sorted, chunks, read.terms(), read.filters(), read.avgLengths(), similarity.getK1(),
                similarity.getB(), options, vocabulary);
    }

    /** What the export needs from the Lucene index. */
    private record Read(
            List<TermEntry> terms, Map<String, Map<String, List<Integer>>> filters, Map<String, Double> avgLengths) {}

    /** Reads the encoded terms, the filters and the fields' average lengths back from the index. */
    private static Read read(
            IndexReader reader, BM25Similarity similarity, List<Chunks> chunks, SearchOptions options)
            throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(similarity);
        int[] ordOf = ords(reader);
        Map<String, Double> avgLengths = new TreeMap<>();
        List<TermReader.FieldSource> sources = new ArrayList<>();
        for (String field : TEXT_FIELDS) {
            CollectionStatistics stats = searcher.collectionStatistics(field);
            if (stats == null) {
                continue;
            }
            avgLengths.put(field, (double) stats.sumTotalTermFreq() / stats.docCount());
            double weight = options.fieldWeights().getOrDefault(field, 1.0);
            sources.add(new TermReader.FieldSource(field, weight, stats, norms(reader, field)));
        }
        List<TermEntry> terms = new TermReader(reader, sources, similarity, ordOf, chunks, options).readAll();
        Map<String, Map<String, List<Integer>>> filters = new TreeMap<>();
        filters.put(TYPE, readFilter(reader, TYPE, ordOf));
        filters.put(TOPIC, readFilter(reader, TOPIC, ordOf));
        return new Read(terms, filters, avgLengths);
    }

    /** Opens the indexes the writer threads made as one reader (a segment each, more if a writer filled its buffer). */
    private static MultiReader open(List<Directory> dirs) throws IOException {
        IndexReader[] readers = new IndexReader[dirs.size()];
        try {
            for (int i = 0; i < readers.length; i++) {
                readers[i] = DirectoryReader.open(dirs.get(i));
            }
        } catch (IOException e) {
            IOUtils.closeWhileHandlingException(readers);
            throw e;
        }
        return new MultiReader(readers, true);
    }

    /**
     * Indexes the documents with one writer thread per directory, each with its own {@link IndexWriter}, and returns
     * their chunks (by export id); the "ord" doc value keeps the export ids. A writer flushes its segment when it is
     * closed, on its own thread: with one writer shared, the threads' segments were flushed one after the other by
     * the thread that closed it. The threads take the next document as they go (documents differ in size by orders
     * of magnitude, and sources sort together), so they finish together. A document's chunks are made as it is
     * indexed, from the positions its passages took ({@link BodyPositions}).
     */
    private static List<Chunks> index(
            List<Directory> dirs,
            List<SearchDocument> sorted,
            BM25Similarity similarity,
            org.apache.lucene.analysis.Analyzer analyzer,
            BodyPositions body,
            SearchOptions options)
            throws IOException {
        Chunks[] chunks = new Chunks[sorted.size()];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(dirs.size());
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (Directory dir : dirs) {
                IndexWriterConfig config = new IndexWriterConfig(analyzer)
                        .setSimilarity(similarity)
                        .setRAMBufferSizeMB(512.0 / dirs.size())
                        .setMergePolicy(NoMergePolicy.INSTANCE);
                config.setUseCompoundFile(false);
                jobs.add(pool.submit(() -> {
                    try (IndexWriter writer = new IndexWriter(dir, config)) {
                        for (int i = next.getAndIncrement(); i < chunks.length; i = next.getAndIncrement()) {
                            SearchDocument d = sorted.get(i);
                            writer.addDocument(toLucene(i, d));
                            chunks[i] = Chunks.of(d, options, body.take());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (ExecutionException e) {
            // an Error (such as running out of memory) or a bug stays what it is; only I/O failures are I/O
            switch (e.getCause()) {
                case Error err -> throw err;
                case RuntimeException rt -> throw rt;
                case IOException io -> throw io;
                default -> throw new IOException(e.getCause());
            }
        } finally {
            pool.shutdown();
        }
        return List.of(chunks);
    }

    private static Document toLucene(int ord, SearchDocument d) {
        Document doc = new Document();
        doc.add(new NumericDocValuesField(ORD, ord));
        doc.add(new TextField(SearchOptions.TITLE, d.title(), Field.Store.NO));
        for (SearchDocument.Passage p : d.passages()) {
            doc.add(new TextField(SearchOptions.BODY, p.text(), Field.Store.NO));
        }
        for (String person : d.people()) {
            doc.add(new TextField(SearchOptions.PEOPLE, person, Field.Store.NO));
        }
        // Every document has every text field, if only empty (a norm of 0, no term, no change to any length or
        // count): Lucene's postings writer reads the norm of every posting while flushing (for its impacts), and
        // the norms of a field some documents lack are sparse, read by scanning the field's documents from the
        // first for every term, which made flushing grow with terms × documents.
        if (d.passages().isEmpty()) doc.add(new TextField(SearchOptions.BODY, "", Field.Store.NO));
        if (d.people().isEmpty()) doc.add(new TextField(SearchOptions.PEOPLE, "", Field.Store.NO));
        doc.add(new StringField(TYPE, d.type(), Field.Store.NO));
        for (String topic : d.topics()) {
            doc.add(new StringField(TOPIC, topic, Field.Store.NO));
        }
        return doc;
    }

    /** Maps composite Lucene doc ids to export ids. */
    private static int[] ords(IndexReader reader) throws IOException {
        int[] out = new int[reader.maxDoc()];
        for (LeafReaderContext ctx : reader.leaves()) {
            NumericDocValues v = ctx.reader().getNumericDocValues(ORD);
            for (int d = v.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = v.nextDoc()) {
                out[ctx.docBase + d] = (int) v.longValue();
            }
        }
        return out;
    }

    private static long[] norms(IndexReader reader, String field) throws IOException {
        long[] out = new long[reader.maxDoc()];
        Arrays.fill(out, 1L);
        for (LeafReaderContext ctx : reader.leaves()) {
            NumericDocValues v = ctx.reader().getNormValues(field);
            if (v == null) {
                continue;
            }
            for (int d = v.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = v.nextDoc()) {
                out[ctx.docBase + d] = v.longValue();
            }
        }
        return out;
    }

    private static Map<String, List<Integer>> readFilter(IndexReader reader, String field, int[] ordOf)
            throws IOException {
        Map<String, List<Integer>> out = new TreeMap<>();
        for (LeafReaderContext ctx : reader.leaves()) {
            Terms terms = ctx.reader().terms(field);
            if (terms == null) {
                continue;
            }
            TermsEnum te = terms.iterator();
            PostingsEnum pe = null;
            for (BytesRef bytes = te.next(); bytes != null; bytes = te.next()) {
                List<Integer> docs = out.computeIfAbsent(bytes.utf8ToString(), k -> new ArrayList<>());
                pe = te.postings(pe, PostingsEnum.NONE);
                for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
                    docs.add(ordOf[ctx.docBase + doc]);
                }
            }
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    /** Quantises a score: round(score × scale), at least 1 so that every posting counts. */
    static int quantise(double score, int scale) {
        return (int) Math.max(1, Math.round(score * scale));
    }

    /**
     * A document's passages grouped into chunks of bounded size, and where each chunk starts in the body's
     * position space (passages are {@link SearchAnalysis#POSITION_GAP} positions apart).
     */
    record Chunks(int[] passageChunk, int count, int[] passageStart) {

        /**
         * Groups the document's passages into chunks.
         *
         * @param positions per passage, the positions it took in the body field as the index analysed it
         */
        static Chunks of(SearchDocument d, SearchOptions options, int[] positions) {
            List<SearchDocument.Passage> ps = d.passages();
            int[] len = new int[ps.size()];
            long total = 0;
            for (int i = 0; i < len.length; i++) {
                len[i] = ps.get(i).text().length() + ps.get(i).anchor().length() + 8;
                total += len[i];
            }
            long target = Math.max(options.chunkChars(), (total + options.maxChunks() - 1) / options.maxChunks());
            int[] chunkOf = new int[len.length];
            int count;
            while (true) {
                count = len.length == 0 ? 1 : 0;
                long size = 0;
                for (int i = 0; i < len.length; i++) {
                    if (count == 0 || (size > 0 && size + len[i] > target)) {
                        count++;
                        size = 0;
                    }
                    size += len[i];
                    chunkOf[i] = count - 1;
                }
                if (count <= options.maxChunks()) {
                    break;
                }
                target = target * 5 / 4 + 1;
            }
            int[] start = null;
            if (count > 1) {
                if (positions.length != len.length) {
                    throw new IllegalStateException("positions of " + positions.length + " passages of " + len.length
                            + " were recorded for " + d.url());
                }
                start = new int[len.length];
                int pos = 0;
                for (int i = 0; i < len.length; i++) {
                    start[i] = pos;
                    pos += positions[i] + SearchAnalysis.POSITION_GAP;
                }
            }
            return new Chunks(chunkOf, count, start);
        }

        /** Returns the chunk holding a body position (passage boundaries taken mid-way through the gap). */
        int chunkAt(int position) {
            int lo = 0;
            int hi = passageStart.length - 1;
            int ans = 0;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (passageStart[mid] - SearchAnalysis.POSITION_GAP / 2 <= position) {
                    ans = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return passageChunk[ans];
        }
    }
}
