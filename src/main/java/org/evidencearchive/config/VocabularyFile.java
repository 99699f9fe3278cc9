package org.evidencearchive.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.search.SearchAnalysis;
import org.evidencearchive.search.Vocabulary;

/**
 * Reads and checks {@code site-config/vocabulary.txt}: one group of names per line, separated by commas, the first
 * name labelling the group; '#' starts a comment. Errors at file:line: a group of one name, an empty name, a name
 * that is only stop words or punctuation, a name (as analyzed: "rooms" is "room") in two groups or twice in one.
 */
public final class VocabularyFile {
    /** The file's name in site-config/. */
    public static final String NAME = "vocabulary.txt";

    private VocabularyFile() {}

    /** Reads the vocabulary, reporting every problem; a missing file is an empty vocabulary. */
    public static Vocabulary read(Path file, String display, Diagnostics d) {
        if (!Files.isRegularFile(file)) return Vocabulary.EMPTY;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            d.error(display, 1, "cannot read the search vocabulary: " + e.getMessage(), "the file must be UTF-8 text");
            return Vocabulary.EMPTY;
        }
        Analyzer analyzer = SearchAnalysis.newAnalyzer();
        record Seen(int line, String name) {}
        Map<String, Seen> seen = new HashMap<>(); // analyzed name -> where it was first named
        List<Vocabulary.Group> groups = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int line = i + 1;
            String text = lines.get(i).replaceFirst("#.*", "").strip();
            if (text.isEmpty()) continue;
            List<String> names = new ArrayList<>();
            boolean ok = true;
            for (String raw : text.split(",", -1)) {
                String name = raw.strip();
                if (name.isEmpty()) {
                    d.error(display, line, "empty name in the group", "separate names with one comma: fix room, DCR");
                    ok = false;
                    continue;
                }
                List<String> terms = SearchAnalysis.terms(analyzer, name);
                if (terms.isEmpty()) {
                    d.error(display, line, "'" + name + "' has no searchable word", "stop words and punctuation are not indexed");
                    ok = false;
                    continue;
                }
                Seen other = seen.putIfAbsent(String.join(" ", terms), new Seen(line, name));
                if (other != null) {
                    d.error(display, line, "'" + name + "' is the same name as '" + other.name() + "'"
                                    + (other.line() == line ? " in this group" : " of the group at line " + other.line()),
                            "names are matched as search analyzes them (plural and singular, -ing and -ion are one): list it once");
                    ok = false;
                    continue;
                }
                names.add(name);
            }
            if (ok && names.size() < 2) {
                d.error(display, line, "a group needs at least two names", "names a reader uses for the same thing, separated by commas");
                ok = false;
            }
            if (ok) groups.add(new Vocabulary.Group(names.get(0), names));
        }
        return new Vocabulary(groups);
    }

    /** Reads the vocabulary of a site-config folder, ignoring problems (check and build report them). */
    public static Vocabulary load(Path siteConfig) {
        return read(siteConfig.resolve(NAME), NAME, new Diagnostics());
    }
}
