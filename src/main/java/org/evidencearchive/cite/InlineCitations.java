package org.evidencearchive.cite;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evidencearchive.content.Body;
import org.evidencearchive.content.CitationRef;
import org.evidencearchive.content.Origin;

/**
 * The citation syntax of Markdown bodies: {@code [@source-id "exact quote"]} or {@code [@source-id#p4 "quote"]}.
 * Extraction replaces each citation by a placeholder that Markdown leaves alone, so the rendered HTML can take
 * the citation's markup afterwards.
 */
public final class InlineCitations {
    /** The syntax; a quote may contain escaped straight quotes ({@code \"}) and typographic ones. */
    public static final Pattern SYNTAX = Pattern.compile(
            "\\[@([^\\s\\]#\"]+)(?:#([^\\s\\]\"]+))?\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|\u201C((?:[^\u201D\\\\]|\\\\.)*)\u201D)\\s*\\]");
    /** A bracket that starts like a citation, to catch malformed ones. */
    private static final Pattern OPENING = Pattern.compile("\\[@");
    private static final char MARK_OPEN = '\uE000';
    private static final char MARK_CLOSE = '\uE001';

    private InlineCitations() {}

    /** The Markdown with placeholders and the citations in order (placeholder i = citations.get(i)). */
    public record Extracted(String markdown, List<CitationRef> citations, List<Malformed> malformed) {}

    /** A "[@" that is not a well-formed citation. */
    public record Malformed(Origin origin, String text) {}

    /** Extracts every citation of a body. */
    public static Extracted extract(Body body) {
        String md = body.markdown();
        List<CitationRef> refs = new ArrayList<>();
        List<Malformed> malformed = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        Matcher m = SYNTAX.matcher(md);
        int last = 0;
        while (m.find()) {
            String between = md.substring(last, m.start());
            reportMalformed(between, last, md, body, malformed);
            out.append(between);
            Origin origin = at(body, md, m.start());
            String raw = m.group(3) != null ? m.group(3) : m.group(4);
            String quote = raw.replace("\\\"", "\"").replace("\\\\", "\\");
            refs.add(new CitationRef(m.group(1), m.group(2), quote, origin));
            out.append(MARK_OPEN).append(refs.size() - 1).append(MARK_CLOSE);
            last = m.end();
        }
        reportMalformed(md.substring(last), last, md, body, malformed);
        out.append(md.substring(last));
        return new Extracted(out.toString(), List.copyOf(refs), List.copyOf(malformed));
    }

    private static void reportMalformed(String segment, int offset, String md, Body body, List<Malformed> out) {
        Matcher o = OPENING.matcher(segment);
        while (o.find()) {
            int at = offset + o.start();
            int eol = md.indexOf('\n', at);
            String text = md.substring(at, eol < 0 ? md.length() : Math.min(eol, at + 60));
            out.add(new Malformed(at(body, md, at), text));
        }
    }

    /** The file line and column (in characters, 1-based) of an offset of a body's Markdown. */
    private static Origin at(Body body, String md, int offset) {
        int lineStart = md.lastIndexOf('\n', offset - 1) + 1;
        return body.origin().at(body.origin().line() + lineOf(md, offset), md.codePointCount(lineStart, offset) + 1);
    }

    private static int lineOf(String s, int offset) {
        int n = 0;
        for (int i = 0; i < offset; i++) if (s.charAt(i) == '\n') n++;
        return n;
    }

    /** Replaces each placeholder in rendered HTML by the markup the function gives for citation i. */
    public static String substitute(String html, java.util.function.IntFunction<String> markup) {
        StringBuilder out = new StringBuilder(html.length());
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == MARK_OPEN) {
                int close = html.indexOf(MARK_CLOSE, i);
                out.append(markup.apply(Integer.parseInt(html.substring(i + 1, close))));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
