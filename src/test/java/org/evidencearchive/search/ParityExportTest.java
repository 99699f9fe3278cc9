package org.evidencearchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/**
 * The Java side of the analysis parity test: a few terms of Lucene's EnglishAnalyzer that the browser's analyzer
 * must give too. target/search-parity.json (every word of the sources and {@link SearchFixture#WORD_FORMS}) is
 * written by {@link SearchFixture#writeNodeFixtures} before the node tests (NodeTestFixtures, run by mvn).
 */
class ParityExportTest {

    @Test
    void luceneTermsOfTheParityFile() {
        Analyzer analyzer = SearchAnalysis.newAnalyzer();
        assertEquals(List.of("sai"), SearchAnalysis.terms(analyzer, "say"));
        assertEquals(List.of("glasgow"), SearchAnalysis.terms(analyzer, "Glasgow’s"));
        assertEquals(List.of("1366"), SearchAnalysis.terms(analyzer, "1,366"));
        assertEquals(List.of("2017", "18"), SearchAnalysis.terms(analyzer, "2017-18"));
    }
}
