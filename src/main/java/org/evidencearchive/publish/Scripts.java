package org.evidencearchive.publish;

import java.nio.charset.StandardCharsets;

/**
 * Scripts as published: the project's JavaScript without its whole-line comments and its indentation, so that a
 * reader's browser fetches the code, not its documentation (the search client is a third smaller). Only what is
 * safe without parsing JavaScript is removed: a line that is nothing but a {@code //} comment, a block comment
 * that starts a line and ends a line, and the spaces and tabs that begin a line; never anything inside a
 * template literal that spans lines (a line with an odd number of unescaped backticks opens or closes one), and
 * never a comment that follows code on its line.
 */
public final class Scripts {
    private Scripts() {}

    /** Returns the script without whole-line comments and indentation (UTF-8 in, UTF-8 out). */
    public static byte[] compact(byte[] script) {
        String[] lines = new String(script, StandardCharsets.UTF_8).split("\n", -1);
        StringBuilder out = new StringBuilder(script.length);
        boolean inBlock = false;
        boolean inTemplate = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean last = i == lines.length - 1;
            if (inTemplate) {
                out.append(line);
                if (!last) out.append('\n');
                if (backticks(line) % 2 == 1) inTemplate = false;
                continue;
            }
            String t = line.strip();
            if (inBlock) {
                int end = t.indexOf("*/");
                if (end >= 0) {
                    inBlock = false;
                    String rest = t.substring(end + 2).strip();
                    if (!rest.isEmpty()) {
                        appendCode(out, rest, last);
                        if (backticks(rest) % 2 == 1) inTemplate = true;
                    }
                }
                continue;
            }
            if (t.startsWith("/*")) {
                if (!t.contains("*/")) inBlock = true;
                else if (!t.endsWith("*/")) appendCode(out, t, last); // code after a one-line block comment: kept as it is
                continue;
            }
            if (t.startsWith("//") || t.isEmpty()) continue;
            appendCode(out, t, last);
            if (backticks(t) % 2 == 1) inTemplate = true;
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendCode(StringBuilder out, String code, boolean last) {
        out.append(code);
        if (!last) out.append('\n');
    }

    /** The number of backticks on a line that a backslash does not escape. */
    private static int backticks(String line) {
        int n = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') i++;
            else if (c == '`') n++;
        }
        return n;
    }
}
