package org.evidencearchive.publish;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jsoup.parser.Parser;

/**
 * The start tags of an HTML page and their attributes, read in one pass over the page's bytes without
 * building a tree: what the link gate needs (ids, hrefs, srcs) from every page of a large site. Comments,
 * doctypes and end tags are skipped, and so is the raw text of {@code script}, {@code style},
 * {@code textarea} and {@code title}; attribute values are entity-decoded by jsoup. The pages it reads are
 * our own output, which the Nu Html Checker holds to valid HTML in the tests.
 */
final class StartTags {
    /** Receives each start tag: its lower-case name, its attributes (lower-case names, decoded values) and line. */
    interface Visitor {
        void tag(String name, Map<String, String> attributes, int line);
    }

    private final byte[] html;
    private int i;
    private int line = 1;

    private StartTags(byte[] html) {
        this.html = html;
    }

    /** Reads every start tag of a UTF-8 page, in document order. */
    static void scan(byte[] html, Visitor visitor) {
        new StartTags(html).run(visitor);
    }

    private void run(Visitor visitor) {
        int n = html.length;
        while (i < n) {
            byte c = html[i];
            if (c == '\n') line++;
            if (c != '<' || i + 1 >= n) {
                i++;
                continue;
            }
            byte next = html[i + 1];
            if (next == '!') {
                skipPast(startsWith(i, "<!--") ? "-->" : ">");
            } else if (next == '/' || next == '?') {
                skipPast(">");
            } else if (isLetter(next)) {
                i++;
                int tagLine = line;
                String name = name();
                Map<String, String> attributes = attributes();
                visitor.tag(name, attributes, tagLine);
                if (name.equals("script") || name.equals("style") || name.equals("textarea") || name.equals("title")) {
                    skipRawText(name);
                }
            } else {
                i++;
            }
        }
    }

    private String name() {
        int start = i;
        while (i < html.length && !isSpace(html[i]) && html[i] != '>' && html[i] != '/' && html[i] != '=') i++;
        return new String(html, start, i - start, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    }

    /** Reads attributes up to and including the tag's closing '>'. */
    private Map<String, String> attributes() {
        Map<String, String> out = new LinkedHashMap<>();
        while (i < html.length) {
            skipSpace();
            if (i >= html.length) break;
            byte c = html[i];
            if (c == '>') {
                i++;
                break;
            }
            if (c == '/') {
                i++;
                continue;
            }
            String key = name();
            if (key.isEmpty()) { // a stray '=': step over it
                i++;
                continue;
            }
            skipSpace();
            String value = "";
            if (i < html.length && html[i] == '=') {
                i++;
                skipSpace();
                value = value();
            }
            out.putIfAbsent(key, value);
        }
        return out;
    }

    private String value() {
        if (i >= html.length) return "";
        byte quote = html[i];
        int start;
        int end;
        if (quote == '"' || quote == '\'') {
            start = ++i;
            while (i < html.length && html[i] != quote) {
                if (html[i] == '\n') line++;
                i++;
            }
            end = i;
            if (i < html.length) i++;
        } else {
            start = i;
            while (i < html.length && !isSpace(html[i]) && html[i] != '>') i++;
            end = i;
        }
        String v = new String(html, start, end - start, StandardCharsets.UTF_8);
        return v.indexOf('&') >= 0 ? Parser.unescapeEntities(v, true) : v;
    }

    private void skipRawText(String name) {
        while (i < html.length) {
            if (html[i] == '\n') line++;
            if (html[i] == '<' && i + 1 < html.length && html[i + 1] == '/' && startsWithIgnoreCase(i + 2, name)) return;
            i++;
        }
    }

    private void skipPast(String end) {
        while (i < html.length && !startsWith(i, end)) {
            if (html[i] == '\n') line++;
            i++;
        }
        i = Math.min(html.length, i + end.length());
    }

    private void skipSpace() {
        while (i < html.length && isSpace(html[i])) {
            if (html[i] == '\n') line++;
            i++;
        }
    }

    private boolean startsWith(int at, String s) {
        if (at + s.length() > html.length) return false;
        for (int k = 0; k < s.length(); k++) if (html[at + k] != s.charAt(k)) return false;
        return true;
    }

    private boolean startsWithIgnoreCase(int at, String lower) {
        if (at + lower.length() > html.length) return false;
        for (int k = 0; k < lower.length(); k++) {
            if (Character.toLowerCase((char) (html[at + k] & 0xff)) != lower.charAt(k)) return false;
        }
        return true;
    }

    private static boolean isLetter(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    }
}
