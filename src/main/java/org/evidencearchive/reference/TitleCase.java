package org.evidencearchive.reference;

import java.lang.reflect.Field;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes citeproc-java title-case as citeproc-js, the reference CSL processor, does. citeproc-java keeps the title-case
 * stop words of the CSL 1.0.2 specification; citeproc-js keeps a few more ("about", "above", "out of", …), so
 * Chicago and OSCOLA wrote "Letter About Glasgow's" where citeproc-js writes "Letter about Glasgow's"; and it matches
 * phrases ("according to") that citeproc-js does not. citeproc-java's stop-word patterns are replaced by one that matches its
 * words and those, followed by the same separators, and no phrase; nothing else of the processor changes. {@code cite.test.mjs} compares every cite box with citeproc-js,
 * so a citeproc-java release that changes this shows at once; if the field is gone, the build stops with a message.
 */
final class TitleCase {
    /**
     * citeproc-js's {@code CSL.SKIP_WORDS} of one word that citeproc-java 3.5 lacks ("d'" it handles itself). Its
     * phrases ("according to", "out of") citeproc-js never matches, as it compares one word at a time, so citeproc-java's
     * phrases are dropped ("Users, According to the Report", as citeproc-js writes it).
     */
    static final List<String> REFERENCE_ONLY = List.of("about", "above", "al", "vs", "v");

    /**
     * What the other stop-word slots hold: citeproc-java still makes a {@code Matcher} for each slot at every position
     * of a title and calls {@code find()} on it, so the pattern must fail at once. It never matches ({@code (?!)}), and
     * its minimum length, a million characters, makes {@code find()} return before it tries a single position (a
     * pattern starting with {@code ^} would try the anchor and the empty lookahead at position 0 each time).
     */
    private static final Pattern NEVER = Pattern.compile("(?!)x{1000000}");
    private static boolean done;

    private TitleCase() {}

    /** Widens citeproc-java's stop words once per run. */
    static synchronized void alignWithCiteprocJs() {
        if (done) return;
        try {
            Field f = de.undercouch.citeproc.helper.StringHelper.class.getDeclaredField("TITLECASE_STOPWORD_PATTERNS");
            f.setAccessible(true);
            Pattern[] patterns = (Pattern[]) f.get(null);
            Field after = de.undercouch.citeproc.helper.StringHelper.class.getDeclaredField("TITLECASE_STOPWORD_FOLLOWEDBY");
            after.setAccessible(true);
            String followedBy = (String) after.get(null);
            // one pattern for every stop word (citeproc-java tries its 116 patterns on every word of a title); the
            // others fail at once. Each is anchored, so a failed match costs nothing more.
            // (its own "d'" pattern, of another form, stays as it is)
            List<String> words = new java.util.ArrayList<>(REFERENCE_ONLY);
            List<Integer> slots = new java.util.ArrayList<>();
            for (int i = 0; i < patterns.length; i++) {
                String w = patterns[i].pattern();
                if (!w.startsWith("^") || !w.endsWith(followedBy)) continue;
                slots.add(i);
                w = w.substring(1, w.length() - followedBy.length());
                if (!w.contains("\\s+")) words.add(w); // a phrase ("according to") citeproc-js never matches
            }
            if (slots.size() < 100 || !words.contains("a")) throw new IllegalStateException(slots.size() + " stop word patterns");
            words.sort(java.util.Comparator.comparingInt(String::length).reversed());
            patterns[slots.get(0)] = Pattern.compile("^(?:" + String.join("|", words) + ")" + followedBy, patterns[slots.get(0)].flags());
            for (int i : slots.subList(1, slots.size())) patterns[i] = NEVER;
            done = true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot align citeproc-java's title case with citeproc-js (" + e.getMessage()
                    + "): check the citeproc-java version in pom.xml", e);
        }
    }
}
