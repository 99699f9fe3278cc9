package org.evidencearchive.content;

/**
 * A citation as the editor wrote it: a source id, an optional paragraph pin and the exact quote.
 *
 * @param paragraph       the pinned anchor ({@code p4}) or null
 * @param origin          where the quote is written
 * @param sourceOrigin    where the source id is written (a front-matter citation's {@code source:} line)
 * @param paragraphOrigin where the pin is written
 */
public record CitationRef(String sourceId, String paragraph, String quote, Origin origin, Origin sourceOrigin,
                          Origin paragraphOrigin) {
    /** A citation written in one place (an inline citation: its source, pin and quote are together). */
    public CitationRef(String sourceId, String paragraph, String quote, Origin origin) {
        this(sourceId, paragraph, quote, origin, origin, origin);
    }
}
