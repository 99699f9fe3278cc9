package org.evidencearchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every exported impact equals, within quantisation, Lucene's own score of the field-weighted query
 * title^3 OR people^2 OR body^1 for the term, computed by IndexSearcher on an independent index.
 */
class ScoreParityTest {

    @Test
    void exportedImpactsEqualLuceneScores(@TempDir Path dir) throws IOException {
        List<SearchDocument> docs = SearchFixture.documents().stream()
                .sorted((a, b) -> a.url().compareTo(b.url())).toList();
        SearchOptions options = SearchOptions.defaults();
        SearchIndexer.build(docs, options).writeTo(dir);
        Map<String, Map<Integer, int[]>> terms = SearchIndexerTest.allPostings(dir);
        try (ByteBuffersDirectory d = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(d, new IndexWriterConfig(SearchAnalysis.newAnalyzer()))) {
                for (SearchDocument doc : docs) {
                    Document ld = new Document();
                    ld.add(new TextField("title", doc.title(), Field.Store.NO));
                    for (SearchDocument.Passage p : doc.passages()) {
                        ld.add(new TextField("body", p.text(), Field.Store.NO));
                    }
                    for (String person : doc.people()) {
                        ld.add(new TextField("people", person, Field.Store.NO));
                    }
                    w.addDocument(ld);
                }
            }
            try (DirectoryReader r = DirectoryReader.open(d)) {
                IndexSearcher searcher = new IndexSearcher(r);
                int checked = 0;
                for (String term : List.of("heroin", "glasgow", "diamorphin", "sai", "crime", "thewliss", "javid", "drug", "consumpt", "home")) {
                    BooleanQuery.Builder q = new BooleanQuery.Builder();
                    for (String field : List.of("body", "people", "title")) {
                        float weight = options.fieldWeights().get(field).floatValue();
                        q.add(new BoostQuery(new TermQuery(new Term(field, term)), weight), BooleanClause.Occur.SHOULD);
                    }
                    ScoreDoc[] hits = searcher.search(q.build(), 1000).scoreDocs;
                    Map<Integer, int[]> postings = terms.get(term);
                    assertEquals(postings.size(), hits.length, term);
                    for (ScoreDoc hit : hits) {
                        double impact = postings.get(hit.doc)[0] / (double) options.scale();
                        assertEquals(hit.score, impact, 0.5 / options.scale() + 1e-4, term + "/" + hit.doc);
                        checked++;
                    }
                }
                assertTrue(checked >= 30, "checked " + checked);
            }
        }
    }
}
