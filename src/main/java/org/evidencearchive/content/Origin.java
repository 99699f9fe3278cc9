package org.evidencearchive.content;

/**
 * Where something was written: the file as the editor names it, a 1-based line and the 1-based column of the
 * value (0 when it is not known, or the whole line is meant).
 */
public record Origin(String file, int line, int column) {
    /** An origin at a line, column unknown. */
    public Origin(String file, int line) {
        this(file, line, 0);
    }

    /** Returns the same file at another line (column unknown). */
    public Origin at(int otherLine) {
        return new Origin(file, otherLine);
    }

    /** Returns the same file at another line and column. */
    public Origin at(int otherLine, int otherColumn) {
        return new Origin(file, otherLine, otherColumn);
    }
}
