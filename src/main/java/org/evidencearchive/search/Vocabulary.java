package org.evidencearchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * The archive's search vocabulary (site-config/vocabulary.txt): groups of names a reader treats as one. Every name
 * of a group, analyzed (so "rooms" matches the name "room"), adds the group's term at its place in the text, in the
 * index (Lucene's SynonymGraphFilter, originals kept) and in the browser (the same rules, exported in the
 * manifest); a query naming any of them then asks for the group's term.
 */
public record Vocabulary(List<Group> groups) {

    /** A group: its label (the first name) and every name, the label included, in the editors' spelling. */
    public record Group(String label, List<String> names) {
        public Group {
            names = List.copyOf(names);
        }

        /** The group's index term: "=" and the label, lower case, words joined by '-' (no token has '='). */
        public String term() {
            return "=" + label.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s-]+", "-");
        }
    }

    public static final Vocabulary EMPTY = new Vocabulary(List.of());

    public Vocabulary {
        groups = List.copyOf(groups);
    }

    /**
     * The rules as they are applied: each name's terms (EnglishAnalyzer and numbers, without the vocabulary),
     * joined by one space, mapped to its group's term; sorted. Names that analyze to nothing are left out.
     */
    public Map<String, String> rules() {
        Analyzer base = SearchAnalysis.newAnalyzer(EMPTY);
        Map<String, String> out = new TreeMap<>();
        for (Group g : groups) {
            for (String name : g.names()) {
                List<String> terms = SearchAnalysis.terms(base, name);
                if (!terms.isEmpty()) out.putIfAbsent(String.join(" ", terms), g.term());
            }
        }
        return out;
    }

    /** The rules as Lucene's SynonymMap (originals kept), or null when there are none. */
    SynonymMap synonymMap() {
        Map<String, String> rules = rules();
        if (rules.isEmpty()) return null;
        SynonymMap.Builder b = new SynonymMap.Builder(true);
        rules.forEach((input, output) -> b.add(
                SynonymMap.Builder.join(input.split(" "), new CharsRefBuilder()), new CharsRef(output), true));
        try {
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rules as the manifest carries them: [[input terms, group term], ...]. */
    List<List<String>> exported() {
        List<List<String>> out = new ArrayList<>();
        rules().forEach((k, v) -> out.add(List.of(k, v)));
        return out;
    }
}
