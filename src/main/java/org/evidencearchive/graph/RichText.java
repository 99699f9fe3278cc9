package org.evidencearchive.graph;

import java.util.List;

import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.content.Body;

/**
 * A Markdown body whose citations are resolved: the Markdown with placeholders, and for each placeholder
 * its resolved citation.
 */
public record RichText(Body body, String markdown, List<ResolvedCitation> citations) {
    /** Returns whether there is anything to show. */
    public boolean isBlank() {
        return body.isBlank();
    }
}
