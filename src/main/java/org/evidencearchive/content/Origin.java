package org.evidencearchive.content;

/** Where something was written: the file as the editor names it and a 1-based line. */
public record Origin(String file, int line) {
    /** Returns the same file at another line. */
    public Origin at(int otherLine) {
        return new Origin(file, otherLine);
    }
}
