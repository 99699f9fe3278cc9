package org.evidencearchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The one analyzer used for the index and a helper to run it on text: Lucene's EnglishAnalyzer chain
 * (StandardTokenizer, EnglishPossessiveFilter, LowerCaseFilter, StopFilter, PorterStemFilter) with the
 * {@link NumberFilter} before the stop words, and the {@link Vocabulary} (SynonymGraphFilter, originals kept)
 * after the stemmer.
 */
public final class SearchAnalysis {

    /** Position gap between two values of a multi-valued field, so phrases never span passages. */
    public static final int POSITION_GAP = 100;

    private SearchAnalysis() {}

    /** Returns a new analyzer without vocabulary, with {@link #POSITION_GAP} between values. */
    public static Analyzer newAnalyzer() {
        return newAnalyzer(Vocabulary.EMPTY);
    }

    /** Returns a new analyzer applying the vocabulary, the same for every field. */
    public static Analyzer newAnalyzer(Vocabulary vocabulary) {
        return newAnalyzer(vocabulary, null);
    }

    /**
     * Returns a new analyzer applying the vocabulary, the same for every field, that records the positions of every
     * body value in {@code body} (when not null: the index's analyzer, whose chain is then kept per field).
     */
    static Analyzer newAnalyzer(Vocabulary vocabulary, BodyPositions body) {
        SynonymMap synonyms = vocabulary.groups().isEmpty() ? null : vocabulary.synonymMap();
        return new Analyzer(body == null ? Analyzer.GLOBAL_REUSE_STRATEGY : Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                String[] text = {""};
                TokenStream s = new EnglishPossessiveFilter(source);
                s = new LowerCaseFilter(s);
                s = new NumberFilter(s, () -> text[0]);
                s = new StopFilter(s, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                s = new PorterStemFilter(s);
                if (synonyms != null) {
                    // every output is one token, so the stream is already flat (no FlattenGraphFilter, which
                    // would also shorten runs of stop words to one position)
                    s = new SynonymGraphFilter(s, synonyms, false);
                }
                if (body != null && fieldName.equals(SearchOptions.BODY)) s = body.count(s);
                // the number filter reads the characters between tokens: the text is read whole first
                return new TokenStreamComponents(reader -> {
                    text[0] = readAll(reader);
                    source.setReader(new java.io.StringReader(text[0]));
                }, s);
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return POSITION_GAP;
            }
        };
    }

    private static String readAll(Reader reader) {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[4096];
        try {
            for (int n; (n = reader.read(buf)) > 0; ) sb.append(buf, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
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
