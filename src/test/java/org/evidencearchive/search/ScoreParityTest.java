package org.evidencearchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-posting scores in the shards equal what Lucene's IndexSearcher scores for a TermQuery. */
class ScoreParityTest {

  @Test
  void exportedBodyScoresEqualLuceneTermQueryScores(@TempDir Path dir) throws IOException {
    List<SearchDocument> docs = SearchFixture.documents().stream()
        .sorted((a, b) -> a.url().compareTo(b.url())).toList();
    SearchIndexer.build(docs).writeTo(dir);
    Map<String, JsonNode> terms = SearchIndexerTest.allTerms(dir);
    try (ByteBuffersDirectory d = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(d, new IndexWriterConfig(SearchAnalysis.newAnalyzer()))) {
        for (SearchDocument doc : docs) {
          Document ld = new Document();
          ld.add(new TextField("title", doc.title(), Field.Store.NO));
          for (SearchDocument.Passage p : doc.passages()) {
            ld.add(new TextField("body", p.text(), Field.Store.NO));
          }
          w.addDocument(ld);
        }
      }
      try (DirectoryReader r = DirectoryReader.open(d)) {
        IndexSearcher searcher = new IndexSearcher(r);
        int checked = 0;
        for (String term : List.of("heroin", "glasgow", "diamorphin", "sai", "crime")) {
          for (String field : List.of("body", "title")) {
            JsonNode postings = terms.get(term).get(field);
            if (postings == null) {
              continue;
            }
            ScoreDoc[] hits = searcher.search(new TermQuery(new Term(field, term)), 100).scoreDocs;
            assertEquals(postings.size(), hits.length, term + " in " + field);
            for (ScoreDoc hit : hits) {
              JsonNode posting = null;
              for (JsonNode p : postings) {
                if (p.get(0).asInt() == hit.doc) {
                  posting = p;
                }
              }
              assertEquals(SearchIndexer.round(hit.score), posting.get(1).asDouble(), 1e-9, term + "/" + hit.doc);
              checked++;
            }
          }
        }
        assertTrue(checked >= 10, "checked " + checked);
      }
    }
  }
}
