package org.evidencearchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** The one analyzer used for the index (Lucene's EnglishAnalyzer) and a helper to run it on text. */
public final class SearchAnalysis {

    /** Position gap between two values of a multi-valued field, so phrases never span passages. */
    public static final int POSITION_GAP = 100;

    private SearchAnalysis() {}

    /** Returns a new analyzer: EnglishAnalyzer for every field, with {@link #POSITION_GAP} between values. */
    public static Analyzer newAnalyzer() {
        EnglishAnalyzer english = new EnglishAnalyzer();
        return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return english;
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return POSITION_GAP;
            }
        };
    }

    /** Returns the terms EnglishAnalyzer produces for the text, in order. */
    public static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
