package org.evidencearchive.content;

/**
 * One paragraph of an archived text.
 *
 * @param anchor the fixed anchor id ({@code p1}, {@code p2}, …)
 * @param text   the paragraph verbatim (inner line breaks kept)
 * @param line   the 1-based line of the text file where it starts
 * @param offset the character offset in the text file where it starts
 */
public record Paragraph(String anchor, String text, int line, int offset) {
    /** Returns the paragraph's number as written in its anchor, e.g. "4" for p4, "4a" for p4a. */
    public String number() {
        return anchor.substring(1);
    }
}
