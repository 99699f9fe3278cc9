package org.evidencearchive.content;

/**
 * A citation as the editor wrote it: a source id, an optional paragraph pin and the exact quote.
 *
 * @param paragraph the pinned anchor ({@code p4}) or null
 */
public record CitationRef(String sourceId, String paragraph, String quote, Origin origin) {}
