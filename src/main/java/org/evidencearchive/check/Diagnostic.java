package org.evidencearchive.check;

/**
 * One problem found in the archive, located at a file, line and column, with a hint that says how to fix it.
 *
 * @param severity error (fails the build) or warning
 * @param file     the file's path as the editor knows it (relative to the working directory where possible)
 * @param line     1-based line, 0 when the problem concerns the whole file
 * @param column   1-based column, 0 when unknown
 * @param message  what is wrong
 * @param hint     how to fix it, or empty
 */
public record Diagnostic(Severity severity, String file, int line, int column, String message, String hint)
        implements Comparable<Diagnostic> {

    /** Whether a diagnostic fails the build. */
    public enum Severity { ERROR, WARNING }

    /** Returns an error diagnostic. */
    public static Diagnostic error(String file, int line, int column, String message, String hint) {
        return new Diagnostic(Severity.ERROR, file, line, column, message, hint == null ? "" : hint);
    }

    /** Returns a warning diagnostic. */
    public static Diagnostic warning(String file, int line, int column, String message, String hint) {
        return new Diagnostic(Severity.WARNING, file, line, column, message, hint == null ? "" : hint);
    }

    /**
     * Formats the diagnostic as {@code path:line:column: error: message} (column 1 when unknown), followed by an
     * indented hint line. Control characters in the path, message and hint are shown escaped (see
     * {@link #printable}), so that a file name or a quoted value can neither act on the terminal nor forge a line.
     */
    public String format() {
        StringBuilder out = new StringBuilder(printable(location()));
        out.append(": ").append(severity == Severity.ERROR ? "error" : "warning").append(": ").append(printable(message));
        if (!hint.isEmpty()) out.append("\n    hint: ").append(printable(hint));
        return out.toString();
    }

    /** Returns where the problem is: {@code path:line:column} (column 1 when unknown), or the path alone. */
    public String location() {
        return line > 0 ? file + ":" + line + ":" + Math.max(1, column) : file;
    }

    /**
     * Returns text with every control character (C0, DEL, C1), line or paragraph separator and bidirectional
     * override written as an escape: a backslash, then n, r or t, else u and four hex digits (u001B for ESC).
     */
    public static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean escape = Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
            if (!escape) {
                if (out != null) out.append(c);
                continue;
            }
            if (out == null) out = new StringBuilder(text.length() + 8).append(text, 0, i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }

    @Override
    public int compareTo(Diagnostic o) {
        int c = file.compareTo(o.file);
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        if (c != 0) return c;
        c = Integer.compare(column, o.column);
        return c != 0 ? c : message.compareTo(o.message);
    }
}
