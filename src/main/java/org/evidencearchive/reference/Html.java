package org.evidencearchive.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** citeproc-java's HTML reduced to the markup the styles use, and plain text. */
final class Html {
    private static final Pattern TERM = Pattern.compile("<(?:term[^>]*|single)>([^<]+)</(?:term|single)>");
    private static final String[] ITALIC = {"<i>", "</i>"};
    private static final String[] BOLD = {"<b>", "</b>"};
    private static final String[] SMALL_CAPS = {"<span class=\"small-caps\">", "</span>"};
    private static final String[] NONE = {"", ""};

    private Html() {}

    /** Returns safe HTML: text escaped, italics as {@code <i>}, bold as {@code <b>}, small capitals as a class. */
    static String safe(String html) {
        String read = CiteprocHtml.safe(html);
        return read != null ? read : parsed(html);
    }

    /** {@link #safe} as jsoup reads the HTML: any HTML, and what {@link CiteprocHtml} must agree with. */
    static String parsed(String html) {
        StringBuilder out = new StringBuilder();
        walk(org.jsoup.Jsoup.parseBodyFragment(html).body(), out);
        return out.toString().strip();
    }

    private static void walk(org.jsoup.nodes.Node node, StringBuilder out) {
        for (org.jsoup.nodes.Node child : node.childNodes()) {
            if (child instanceof org.jsoup.nodes.TextNode t) {
                out.append(escape(t.getWholeText()));
            } else if (child instanceof org.jsoup.nodes.Element e) {
                String[] markup = markup(e.normalName(), e.attr("style"));
                out.append(markup[0]);
                walk(e, out);
                out.append(markup[1]);
            }
        }
    }

    /**
     * Returns what an element of citeproc-java's HTML becomes, its opening and its closing markup: {@code <i>} for
     * italics, {@code <b>} for bold, a class for small capitals, nothing for the rest (its text is kept).
     */
    static String[] markup(String name, String style) {
        String s = style.replace(" ", "");
        if (name.equals("i") || s.contains("font-style:italic")) return ITALIC;
        if (name.equals("b") || s.contains("font-weight:bold")) return BOLD;
        return s.contains("font-variant:small-caps") ? SMALL_CAPS : NONE;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Returns the text of safe HTML (tags dropped, entities decoded). */
    static String text(String html) {
        return org.jsoup.parser.Parser.unescapeEntities(html.replaceAll("<[^>]+>", ""), false);
    }

    /** Returns the locale's terms that begin with a lower-case letter ("no date", "n.d.", "anonymous", …). */
    static List<String> terms(String localeXml) {
        List<String> terms = new ArrayList<>();
        Matcher m = TERM.matcher(localeXml);
        while (m.find()) {
            String t = m.group(1).strip();
            if (!t.isEmpty() && Character.isLowerCase(t.charAt(0))) terms.add(t);
        }
        return terms;
    }

    /**
     * citeproc-js, the reference CSL processor, capitalises a term that opens a bibliography entry or a note
     * ("(No date) ‘Title’"); citeproc-java leaves it in lower case. The first letter is capitalised when the text
     * there is one of the locale's terms, so that both processors give the same entry.
     */
    static String capitalizeLeadingTerm(String html, List<String> terms) {
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                i = html.indexOf('>', i) + 1;
            } else if (c == '&') {
                i = html.indexOf(';', i) + 1;
            } else if (Character.isLetter(c)) {
                break;
            } else {
                i++;
            }
        }
        if (i >= html.length() || !Character.isLowerCase(html.charAt(i))) return html;
        String rest = text(html.substring(i));
        for (String t : terms) {
            if (rest.startsWith(t) && (rest.length() == t.length() || !Character.isLetter(rest.charAt(t.length())))) {
                return html.substring(0, i) + Character.toUpperCase(html.charAt(i)) + html.substring(i + 1);
            }
        }
        return html;
    }
}
