package org.evidencearchive.render;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.content.Body;

/**
 * What checking each Markdown body found, kept from one check to the next by the body's identity (an unchanged
 * file's body is the same object from one parse to the next), so that {@code archive serve} re-checks only the
 * bodies an edit changed. A check reads it in parallel, then notes what it found anew (one thread: the builds
 * that use it run one at a time). Bodies no longer in the archive are dropped once they outnumber the rest.
 */
public final class BodyChecks {
    private final Map<Body, List<Diagnostic>> kept = new IdentityHashMap<>();

    /** What an earlier check found in a body, or null. */
    List<Diagnostic> kept(Body b) {
        return kept.get(b);
    }

    /** Notes what a check found in a body it checked anew. */
    void keep(Body b, List<Diagnostic> found) {
        kept.put(b, found);
    }

    /** Forgets every body: the next check checks all of them. */
    void clear() {
        kept.clear();
    }

    /** Ends a check of these bodies: once bodies no longer checked outnumber them, they are dropped. */
    void advance(List<Body> bodies) {
        if (kept.size() <= 2 * bodies.size() + 1024) return;
        Map<Body, List<Diagnostic>> current = new IdentityHashMap<>();
        for (Body b : bodies) current.put(b, kept.get(b));
        kept.clear();
        kept.putAll(current);
    }
}
