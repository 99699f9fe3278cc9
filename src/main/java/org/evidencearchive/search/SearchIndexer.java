package org.evidencearchive.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

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
    List<SearchDocument> sorted = new ArrayList<>(docs);
    sorted.sort(Comparator.comparing(SearchDocument::url));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).url().equals(sorted.get(i - 1).url())) {
        throw new IllegalArgumentException("duplicate search document url: " + sorted.get(i).url());
      }
    }
    long t0 = System.nanoTime();
    List<Chunks> chunks = IntStream.range(0, sorted.size()).parallel()
        .mapToObj(i -> Chunks.of(sorted.get(i), options)).toList();
    BM25Similarity similarity = new BM25Similarity();
    try (Directory dir = new ByteBuffersDirectory()) {
      long t1 = System.nanoTime();
      index(dir, sorted, similarity);
      long t2 = System.nanoTime();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(similarity);
        int[] ordOf = ords(reader);
        Map<String, Double> avgLengths = new TreeMap<>();
        List<FieldSource> sources = new ArrayList<>();
        for (String field : TEXT_FIELDS) {
          CollectionStatistics stats = searcher.collectionStatistics(field);
          if (stats == null) {
            continue;
          }
          avgLengths.put(field, (double) stats.sumTotalTermFreq() / stats.docCount());
          double weight = options.fieldWeights().getOrDefault(field, 1.0);
          sources.add(new FieldSource(field, weight, stats, norms(reader, field)));
        }
        // Read disjoint term ranges in parallel (each over every field), then join the maps.
        List<BytesRef> splits = splitPoints(reader, Runtime.getRuntime().availableProcessors());
        Map<String, Acc> terms = IntStream.range(0, splits.size() + 1).parallel().mapToObj(part -> {
          Map<String, Acc> out = new HashMap<>();
          BytesRef lo = part == 0 ? null : splits.get(part - 1);
          BytesRef hi = part == splits.size() ? null : splits.get(part);
          try {
            for (FieldSource f : sources) {
              readField(reader, f, lo, hi, similarity, ordOf, chunks, out);
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return out;
        }).reduce(new HashMap<>(), (a, b) -> {
          a.putAll(b);
          return a;
        });
        long t3 = System.nanoTime();
        List<TermEntry> entries = terms.entrySet().parallelStream()
            .map(e -> e.getValue().toEntry(e.getKey(), options.scale()))
            .sorted(Comparator.comparing(TermEntry::term))
            .toList();
        long t4 = System.nanoTime();
        if (Boolean.getBoolean("search.timing")) {
          System.err.printf("search index: chunks %.2f s, lucene %.2f s, read %.2f s, entries %.2f s%n",
              (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9);
        }
        Map<String, Map<String, List<Integer>>> filters = new TreeMap<>();
        filters.put(TYPE, readFilter(reader, TYPE, ordOf));
        filters.put(TOPIC, readFilter(reader, TOPIC, ordOf));
        return new SearchExport(
            sorted, chunks, entries, filters, avgLengths, similarity.getK1(), similarity.getB(), options);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Indexes the documents with one writer thread per core; the stored "ord" field keeps the export ids. */
  private static void index(Directory dir, List<SearchDocument> sorted, BM25Similarity similarity)
      throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(SearchAnalysis.newAnalyzer())
        .setSimilarity(similarity)
        .setRAMBufferSizeMB(512)
        .setMergePolicy(NoMergePolicy.INSTANCE);
    config.setUseCompoundFile(false);
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), sorted.size() / 2_000 + 1));
    try (IndexWriter writer = new IndexWriter(dir, config)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> jobs = new ArrayList<>();
        int per = (sorted.size() + threads - 1) / threads;
        for (int t = 0; t < threads; t++) {
          int from = t * per;
          int to = Math.min(sorted.size(), from + per);
          jobs.add(pool.submit(() -> {
            for (int i = from; i < to; i++) {
              writer.addDocument(toLucene(i, sorted.get(i)));
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
        throw new IOException(e.getCause());
      } finally {
        pool.shutdown();
      }
    }
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
    doc.add(new StringField(TYPE, d.type(), Field.Store.NO));
    for (String topic : d.topics()) {
      doc.add(new StringField(TOPIC, topic, Field.Store.NO));
    }
    return doc;
  }

  /** Maps composite Lucene doc ids to export ids. */
  private static int[] ords(DirectoryReader reader) throws IOException {
    int[] out = new int[reader.maxDoc()];
    for (LeafReaderContext ctx : reader.leaves()) {
      NumericDocValues v = ctx.reader().getNumericDocValues(ORD);
      for (int d = v.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = v.nextDoc()) {
        out[ctx.docBase + d] = (int) v.longValue();
      }
    }
    return out;
  }

  private static long[] norms(DirectoryReader reader, String field) throws IOException {
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

  /** One text field to read: its weight, statistics and norms (by composite doc id). */
  private record FieldSource(String field, double weight, CollectionStatistics stats, long[] norms) {}

  /** Body terms that cut the dictionary into parts of about equal posting counts. */
  private static List<BytesRef> splitPoints(DirectoryReader reader, int parts) throws IOException {
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

  /** Reads the field's terms in [lo, hi) (null: unbounded) and adds their weighted scores to the map. */
  private static void readField(
      DirectoryReader reader,
      FieldSource source,
      BytesRef lo,
      BytesRef hi,
      BM25Similarity similarity,
      int[] ordOf,
      List<Chunks> chunks,
      Map<String, Acc> out)
      throws IOException {
    Terms terms = MultiTerms.getTerms(reader, source.field());
    if (terms == null) {
      return;
    }
    long[] norms = source.norms();
    boolean body = source.field().equals(SearchOptions.BODY);
    int[] perChunk = new int[8];
    TermsEnum te = terms.iterator();
    BytesRef bytes;
    if (lo == null) {
      bytes = te.next();
    } else {
      bytes = te.seekCeil(lo) == TermsEnum.SeekStatus.END ? null : te.term();
    }
    PostingsEnum pe = null;
    for (; bytes != null && (hi == null || bytes.compareTo(hi) < 0); bytes = te.next()) {
      String term = bytes.utf8ToString();
      TermStatistics ts = new TermStatistics(BytesRef.deepCopyOf(bytes), te.docFreq(), te.totalTermFreq());
      SimScorer scorer = similarity.scorer(1f, source.stats(), ts);
      pe = te.postings(pe, body ? PostingsEnum.POSITIONS : PostingsEnum.FREQS);
      Acc acc = out.computeIfAbsent(term, k -> new Acc());
      for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
        int freq = pe.freq();
        int ord = ordOf[doc];
        int chunk = 0;
        if (body) {
          Chunks c = chunks.get(ord);
          if (c.count() > 1) {
            Arrays.fill(perChunk, 0);
            for (int i = 0; i < freq; i++) {
              perChunk[c.chunkAt(pe.nextPosition())]++;
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

  private static Map<String, List<Integer>> readFilter(DirectoryReader reader, String field, int[] ordOf)
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

  /** Postings of one term gathered over the fields: export id, weighted score, chunk (growable arrays). */
  static final class Acc {
    int n;
    int[] ords = new int[4];
    double[] scores = new double[4];
    byte[] chunks = new byte[4];
    boolean unsorted;

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

    /** Sums each document's field scores, quantises and orders by impact descending, then id. */
    TermEntry toEntry(String term, int scale) {
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
        order[i] = ((long) (Integer.MAX_VALUE - quantise(sum[i], scale)) << 32) | i;
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
      return new TermEntry(term, d2, i2, c2);
    }
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

    static Chunks of(SearchDocument d, SearchOptions options) {
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
        start = new int[len.length];
        int pos = 0;
        for (int i = 0; i < len.length; i++) {
          start[i] = pos;
          pos += tokenCount(ps.get(i).text()) + SearchAnalysis.POSITION_GAP;
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

    private static final ThreadLocal<StandardTokenizer> TOKENIZER = ThreadLocal.withInitial(StandardTokenizer::new);

    private static int tokenCount(String text) {
      StandardTokenizer t = TOKENIZER.get();
      try {
        t.setReader(new StringReader(text));
        t.reset();
        int n = 0;
        while (t.incrementToken()) {
          n++;
        }
        t.end();
        t.close();
        return n;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
