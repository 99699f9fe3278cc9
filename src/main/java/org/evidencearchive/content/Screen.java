package org.evidencearchive.content;

import org.evidencearchive.check.Diagnostics;

/**
 * Checks a content file's text before anything parses it, in one pass over each line: no control characters
 * (they are invisible in an editor and act on a terminal), and no Markdown nested deeper than the renderer can
 * follow (flexmark and the regular expressions it uses recurse once per level). The same checks run in
 * {@code check}, {@code build} and {@code serve}, since they are part of parsing.
 */
public final class Screen {
    /** The deepest nesting of block quotes and lists a body may have (indentation counts too, see {@link #depth}). */
    public static final int MAX_DEPTH = 32;
    /** The longest run of one emphasis or rule character ({@code * _ -}), spaces between them included. */
    public static final int MAX_RUN = 200;

    private Screen() {}

    /** Whether a character is a control character other than tab, line feed and carriage return (C0, DEL, C1). */
    public static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    /** Returns the index of the first control character of {@code s} (see {@link #isControl}), or -1. */
    public static int firstControl(CharSequence s) {
        for (int i = 0; i < s.length(); i++) if (isControl(s.charAt(i))) return i;
        return -1;
    }

    /** Returns how a control character is named in messages, e.g. {@code U+001B}. */
    public static String name(char c) {
        return String.format("U+%04X", (int) c);
    }

    /** Reports the first control character of a whole file's text at its line and column; false if there is one. */
    public static boolean noControlCharacters(String text, String display, Diagnostics diagnostics) {
        int at = firstControl(text);
        if (at < 0) return true;
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = text.codePointCount(lineStart, at) + 1;
        diagnostics.error(display, line, column, "control character " + name(text.charAt(at)) + " is not allowed",
                "delete it (editors often do not show it); only tabs and line breaks may be used");
        return false;
    }

    /**
     * Reports the first line of a Markdown body that nests too deeply or has too long a run of emphasis marks;
     * false if there is one.
     */
    public static boolean nestingWithinLimits(Body body, Diagnostics diagnostics) {
        String md = body.markdown();
        int line = body.origin().line();
        for (int start = 0; start <= md.length(); line++) {
            int end = md.indexOf('\n', start);
            if (end < 0) end = md.length();
            int depth = depth(md, start, end);
            if (depth > MAX_DEPTH) {
                diagnostics.error(body.origin().file(), line, 1, "Markdown nested too deeply: about " + depth
                                + " levels of block quotes, lists or indentation (the limit is " + MAX_DEPTH + ")",
                        "flatten the quotes or lists; a few levels are all a reader can follow");
                return false;
            }
            int run = longestRun(md, start, end);
            if (run > MAX_RUN) {
                diagnostics.error(body.origin().file(), line, 1, "a run of " + run + " emphasis or rule marks"
                                + " (* _ -) is too long (the limit is " + MAX_RUN + ")",
                        "use fewer marks: emphasis is *one* or **two**, a separator line is ---");
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    /**
     * An upper bound of how deeply a line is nested: its block-quote and list markers, plus its indentation
     * (before and between the markers, less the one space that belongs to each marker) over two, since a list
     * nested by indentation indents by two columns at least. It never counts less than flexmark nests, whatever
     * the lines around say.
     */
    static int depth(String s, int start, int end) {
        int markers = 0;
        int columns = 0;
        int i = start;
        while (i < end) {
            char c = s.charAt(i);
            if (c == ' ') {
                columns++;
                i++;
            } else if (c == '\t') {
                columns += 4;
                i++;
            } else if (c == '>') {
                markers++;
                i = afterMarker(s, i + 1, end);
            } else if ((c == '-' || c == '+' || c == '*') && (i + 1 == end || s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\t')) {
                markers++;
                i = afterMarker(s, i + 1, end);
            } else if (c >= '0' && c <= '9') {
                int j = i;
                while (j < end && j - i < 9 && s.charAt(j) >= '0' && s.charAt(j) <= '9') j++;
                boolean item = j < end && (s.charAt(j) == '.' || s.charAt(j) == ')')
                        && (j + 1 == end || s.charAt(j + 1) == ' ' || s.charAt(j + 1) == '\t');
                if (!item) break;
                markers++;
                i = afterMarker(s, j + 1, end);
            } else {
                break;
            }
        }
        return markers + columns / 2;
    }

    /** Skips the one space that belongs to a marker (a tab still counts as indentation). */
    private static int afterMarker(String s, int i, int end) {
        return i < end && s.charAt(i) == ' ' ? i + 1 : i;
    }

    /** The longest run of one of {@code * _ -} on a line, counting the marks only (spaces and tabs between them allowed). */
    static int longestRun(String s, int start, int end) {
        int longest = 0;
        int run = 0;
        char mark = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '_' || c == '-') {
                run = c == mark ? run + 1 : 1;
                mark = c;
                longest = Math.max(longest, run);
            } else if (c != ' ' && c != '\t') {
                run = 0;
                mark = 0;
            }
        }
        return longest;
    }
}
