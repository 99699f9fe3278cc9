package org.evidencearchive.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.evidencearchive.cite.QuoteNormalizer;
import org.evidencearchive.content.Paragraph;
import org.evidencearchive.content.Person;
import org.evidencearchive.graph.Archive;

/**
 * Who a passage gives words to: the paragraphs around a cited paragraph that tell who is speaking, the speech
 * tags ("said", "wrote", "according to") in them, and whether a person or organisation is named there (by name
 * or one of its {@code mentions}; for a response, one of its roles in the source's words too).
 */
final class Passages {
    private Passages() {}

    /** Words that report speech or writing, outside quotation marks ("said", "she added", "according to"). */
    static final Pattern SPEECH = Pattern.compile("\\b(said|says|say|added|adds|told|tells|wrote|writes|stated|states"
            + "|stating|replied|replies|went on|goes on to state|according to|pointed out|showed|shows)\\b");
    /** A speech tag whose speaker is a pronoun: the speaker is named in an earlier paragraph. */
    static final Pattern PRONOUN_TAG = Pattern.compile("\\b(he|she|they|it) (said|says|added|adds|told|wrote|writes"
            + "|replied|went on|goes on)\\b");
    /** How far back a pronoun's speaker is looked for, in paragraphs before the quotation. */
    static final int PRONOUN_REACH = 3;

    /**
     * Returns the indexes of the paragraphs that attribute paragraph {@code i}: the paragraph; the paragraphs
     * its quotation continues from (a paragraph opening with a quotation mark, after one whose quotation is
     * left open); the paragraph before those; and, when a pronoun speaks there ("she said"), up to
     * {@link #PRONOUN_REACH} earlier paragraphs, up to the first that names someone outside quotation marks.
     */
    static List<Integer> context(List<Paragraph> ps, int i, Archive archive) {
        TreeSet<Integer> out = new TreeSet<>();
        int j = i;
        out.add(j);
        while (j > 0 && opensQuote(ps.get(j).text()) && leftOpen(ps.get(j - 1).text())) out.add(--j);
        if (j > 0) out.add(--j);
        boolean pronoun = out.stream().anyMatch(k -> PRONOUN_TAG.matcher(outside(ps.get(k).text())).find());
        if (pronoun && namesAnyone(outside(ps.get(j).text()), archive) == null) {
            for (int k = j - 1; k >= 0 && k >= j - PRONOUN_REACH; k--) {
                out.add(k);
                if (namesAnyone(outside(ps.get(k).text()), archive) != null) break;
            }
        }
        return new ArrayList<>(out);
    }

    /** Returns the index of the paragraph with this anchor, or -1. */
    static int index(List<Paragraph> ps, String anchor) {
        for (int k = 0; k < ps.size(); k++) if (ps.get(k).anchor().equals(anchor)) return k;
        return -1;
    }

    /** Returns the words of a paragraph outside quotation marks, normalised and in lower case. */
    static String outside(String text) {
        StringBuilder b = new StringBuilder();
        boolean in = false;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\u201C') in = true;
            else if (c == '\u201D') in = false;
            else if (c == '"') in = !in;
            else if (!in) b.append(c);
        }
        return norm(b.toString());
    }

    static String norm(String s) {
        return QuoteNormalizer.normalize(s).toLowerCase(Locale.ROOT);
    }

    private static boolean opensQuote(String text) {
        String t = text.strip();
        return t.startsWith("\u201C") || t.startsWith("\"");
    }

    /** Whether a paragraph opens a quotation it does not close (the next paragraph may continue it). */
    private static boolean leftOpen(String text) {
        long open = text.chars().filter(c -> c == '\u201C').count();
        long close = text.chars().filter(c -> c == '\u201D').count();
        long straight = text.chars().filter(c -> c == '"').count();
        return open > close || straight % 2 == 1;
    }

    /** The strings that name a person or organisation in the sources: name and mentions, and roles when asked. */
    static List<String> names(Person p, boolean roles) {
        List<String> out = new ArrayList<>();
        out.add(p.name());
        out.addAll(p.mentions());
        if (roles) p.roles().forEach(r -> out.add(r.role()));
        return out;
    }

    /** Whether normalised, lower-case text names the person by name or mention (as a whole word or words). */
    static boolean names(String text, Person p) {
        return names(text, p, false);
    }

    /** Whether normalised, lower-case text names the person, by name, mention or (when asked) one of its roles. */
    static boolean names(String text, Person p, boolean roles) {
        for (String n : names(p, roles)) {
            String w = norm(n).strip();
            if (!w.isEmpty() && Pattern.compile("(?<![\\w])" + Pattern.quote(w) + "(?![\\w])").matcher(text).find()) return true;
        }
        return false;
    }

    /** Returns someone the text names, or null. */
    private static Person namesAnyone(String text, Archive archive) {
        for (Person p : archive.people()) if (names(text, p)) return p;
        return null;
    }
}
