package org.evidencearchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/** Builds a Lucene index of the documents and reads its term statistics back into a {@link SearchExport}. */
public final class SearchIndexer {

  static final String ORD = "ord", TYPE = "type", TOPIC = "topic";
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
    BM25Similarity similarity = new BM25Similarity();
    try (Directory dir = new ByteBuffersDirectory()) {
      IndexWriterConfig config = new IndexWriterConfig(SearchAnalysis.newAnalyzer()).setSimilarity(similarity);
      try (IndexWriter writer = new IndexWriter(dir, config)) {
        for (int i = 0; i < sorted.size(); i++) {
          writer.addDocument(toLucene(i, sorted.get(i)));
        }
        writer.forceMerge(1);
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(similarity);
        Map<String, Double> avgLengths = new TreeMap<>();
        SortedMap<String, SortedMap<String, List<TermEntry.Posting>>> terms = new TreeMap<>();
        for (String field : TEXT_FIELDS) {
          CollectionStatistics stats = searcher.collectionStatistics(field);
          if (stats == null) {
            continue;
          }
          avgLengths.put(field, (double) stats.sumTotalTermFreq() / stats.docCount());
          readField(reader, field, similarity, stats, terms);
        }
        List<TermEntry> entries = new ArrayList<>();
        terms.forEach((term, fields) -> entries.add(new TermEntry(term, fields)));
        Map<String, Map<String, List<Integer>>> filters = new TreeMap<>();
        filters.put(TYPE, readFilter(reader, TYPE));
        filters.put(TOPIC, readFilter(reader, TOPIC));
        return new SearchExport(
            sorted, entries, filters, avgLengths, similarity.getK1(), similarity.getB(), options);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  private static void readField(
      DirectoryReader reader,
      String field,
      BM25Similarity similarity,
      CollectionStatistics stats,
      SortedMap<String, SortedMap<String, List<TermEntry.Posting>>> out)
      throws IOException {
    for (LeafReaderContext ctx : reader.leaves()) {
      LeafReader leaf = ctx.reader();
      Terms terms = leaf.terms(field);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      PostingsEnum pe = null;
      for (BytesRef bytes = te.next(); bytes != null; bytes = te.next()) {
        String term = bytes.utf8ToString();
        TermStatistics ts = new TermStatistics(BytesRef.deepCopyOf(bytes), te.docFreq(), te.totalTermFreq());
        SimScorer scorer = similarity.scorer(1f, stats, ts);
        NumericDocValues norms = leaf.getNormValues(field);
        NumericDocValues ords = leaf.getNumericDocValues(ORD);
        pe = te.postings(pe, PostingsEnum.POSITIONS);
        List<TermEntry.Posting> postings =
            out.computeIfAbsent(term, k -> new TreeMap<>()).computeIfAbsent(field, k -> new ArrayList<>());
        for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
          int freq = pe.freq();
          int[] positions = new int[freq];
          for (int i = 0; i < freq; i++) {
            positions[i] = pe.nextPosition();
          }
          long norm = norms.advanceExact(doc) ? norms.longValue() : 1L;
          ords.advanceExact(doc);
          postings.add(new TermEntry.Posting((int) ords.longValue(), round(scorer.score(freq, norm)), positions));
        }
        postings.sort(Comparator.comparingInt(TermEntry.Posting::doc));
      }
    }
  }

  private static Map<String, List<Integer>> readFilter(DirectoryReader reader, String field) throws IOException {
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
        NumericDocValues ords = ctx.reader().getNumericDocValues(ORD);
        pe = te.postings(pe, PostingsEnum.NONE);
        for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
          ords.advanceExact(doc);
          docs.add((int) ords.longValue());
        }
        docs.sort(null);
      }
    }
    return out;
  }

  /** Rounds a score to 4 decimals so the JSON stays small and stable. */
  static double round(double score) {
    return Math.round(score * 10_000d) / 10_000d;
  }
}
