package org.evidencearchive.reference;

import java.lang.reflect.Field;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes citeproc-java title-case as citeproc-js, the reference CSL processor, does. citeproc-java keeps the title-case
 * stop words of the CSL 1.0.2 specification; citeproc-js keeps a few more ("about", "above", "out of", …), so
 * Chicago and OSCOLA wrote "Letter About Glasgow's" where citeproc-js writes "Letter about Glasgow's". The pattern of
 * citeproc-java's stop word "a" is widened to match those words too, followed by the same
 * separators; nothing else of the processor changes. {@code cite.test.mjs} compares every cite box with citeproc-js,
 * so a citeproc-java release that changes this shows at once; if the field is gone, the build stops with a message.
 */
final class TitleCase {
    /** citeproc-js's {@code CSL.SKIP_WORDS} that citeproc-java 3.5 lacks ("d'" it handles itself). */
    static final List<String> REFERENCE_ONLY = List.of("about", "above", "al", "vs", "v", "as for", "as of", "as per",
            "aside from", "except for", "inside of", "near to", "next to", "on to", "out from", "out of", "up to");

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
            int a = 0;
            while (a < patterns.length && !patterns[a].pattern().equals("^a" + followedBy)) a++;
            if (a == patterns.length) throw new IllegalStateException("no stop word 'a' among citeproc-java's");
            StringBuilder words = new StringBuilder("a");
            for (String w : REFERENCE_ONLY) words.append('|').append(Pattern.quote(w).replace(" ", "\\E\\s+\\Q"));
            patterns[a] = Pattern.compile("^(?:" + words + ")" + followedBy, patterns[a].flags());
            done = true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot align citeproc-java's title case with citeproc-js (" + e.getMessage()
                    + "): check the citeproc-java version in pom.xml", e);
        }
    }
}
