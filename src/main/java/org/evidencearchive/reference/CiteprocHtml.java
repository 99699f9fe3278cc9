package org.evidencearchive.reference;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the HTML citeproc-java writes as {@link Html#parsed} does, without building a document. A jsoup parse of each
 * of the five boxes of every item cost a tenth of "cite this" (the HTML is one short line); this HTML is regular, so
 * a scan reads it: elements opened and closed in order ({@code div}, {@code span}, {@code i}, {@code b},
 * {@code sup}, {@code sub}), attributes in double quotes, every {@code &} the start of an entity (citeproc-java
 * escapes its text with commons-text's {@code escapeHtml4}). Anything else, and text with control characters that an
 * HTML parser rewrites, is left to jsoup: {@link #safe} returns null. {@code HtmlTest} compares the two readings.
 */
final class CiteprocHtml {
    private static final Set<String> ELEMENTS = Set.of("div", "span", "i", "b", "sup", "sub");
    /** Entities as jsoup decodes them, each decoded once per run. */
    private static final Map<String, String> ENTITIES = new ConcurrentHashMap<>();

    private CiteprocHtml() {}

    /** Returns {@link Html#safe} of citeproc-java's HTML, or null when the HTML is not of the form described above. */
    static String safe(String html) {
        StringBuilder out = new StringBuilder(html.length());
        ArrayDeque<String> open = new ArrayDeque<>(); // names of the open elements
        ArrayDeque<String> closing = new ArrayDeque<>(); // the markup each of them closes with
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) return null;
                if (i + 1 < n && html.charAt(i + 1) == '/') {
                    if (open.isEmpty() || !html.substring(i + 2, end).equals(open.pop())) return null;
                    out.append(closing.pop());
                } else {
                    String[] element = startTag(html.substring(i + 1, end));
                    if (element == null) return null;
                    String[] markup = Html.markup(element[0], element[1]);
                    open.push(element[0]);
                    closing.push(markup[1]);
                    out.append(markup[0]);
                }
                i = end + 1;
            } else if (c == '&') {
                int end = html.indexOf(';', i);
                if (end < 0 || end - i > 40) return null;
                String entity = html.substring(i, end + 1);
                String text = ENTITIES.computeIfAbsent(entity, e -> org.jsoup.parser.Parser.unescapeEntities(e, false));
                if (text.equals(entity)) return null; // not an entity jsoup knows
                out.append(Html.escape(text));
                i = end + 1;
            } else {
                if (c < ' ' && c != '\n' && c != '\t') return null;
                switch (c) {
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    default -> out.append(c);
                }
                i++;
            }
        }
        return open.isEmpty() ? out.toString().strip() : null;
    }

    /**
     * Returns the name and the style attribute ("" if none) of a start tag's text ({@code span style="…"}), or null
     * when it is not one of the elements above with at most one attribute, in double quotes (as citeproc-java writes
     * them).
     */
    private static String[] startTag(String tag) {
        int i = 0;
        while (i < tag.length() && tag.charAt(i) >= 'a' && tag.charAt(i) <= 'z') i++;
        String name = tag.substring(0, i);
        if (!ELEMENTS.contains(name)) return null;
        if (i == tag.length()) return new String[] {name, ""};
        int eq = tag.indexOf("=\"", i);
        if (tag.charAt(i) != ' ' || eq <= i + 1 || tag.indexOf('"', eq + 2) != tag.length() - 1) return null;
        for (int k = i + 1; k < eq; k++) {
            if ((tag.charAt(k) < 'a' || tag.charAt(k) > 'z') && tag.charAt(k) != '-') return null;
        }
        String value = tag.substring(eq + 2, tag.length() - 1);
        if (value.indexOf('&') >= 0 || value.indexOf('<') >= 0) return null;
        return new String[] {name, tag.substring(i + 1, eq).equals("style") ? value : ""};
    }
}
