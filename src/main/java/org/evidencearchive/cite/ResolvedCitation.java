package org.evidencearchive.cite;

import org.evidencearchive.content.CitationRef;

/**
 * A citation checked against its source: the exact passage as archived and where it stands.
 *
 * @param ref       what the editor wrote
 * @param anchor    the paragraph's anchor (p4)
 * @param exact     the passage verbatim from the archived text
 * @param start     offset of the passage in the archived text (characters, UTF-16)
 * @param end       offset just after the passage
 * @param prefix    up to 32 characters before the passage, for a W3C TextQuoteSelector
 * @param suffix    up to 32 characters after the passage
 */
public record ResolvedCitation(CitationRef ref, String anchor, String exact, int start, int end, String prefix,
                               String suffix) {
    /** Returns the cited source's id. */
    public String sourceId() {
        return ref.sourceId();
    }

    /** Returns a stable id for the passage on the source page: the same passage always gets the same id. */
    public String markId() {
        return "q-" + anchor + "-" + start + "-" + end;
    }
}
