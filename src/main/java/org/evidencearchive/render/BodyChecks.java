package org.evidencearchive.render;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.content.Body;

/**
 * What checking each Markdown body found, kept from one check to the next by the body's identity (an unchanged
 * file's body is the same object from one parse to the next), so that {@code archive serve} re-checks only the
 * bodies an edit changed. Each check keeps only the bodies it saw.
 */
public final class BodyChecks {
    private Map<Body, List<Diagnostic>> previous = new IdentityHashMap<>();
    private Map<Body, List<Diagnostic>> next = new IdentityHashMap<>();

    synchronized List<Diagnostic> kept(Body b) {
        return previous.get(b);
    }

    synchronized void keep(Body b, List<Diagnostic> found) {
        next.put(b, found);
    }

    synchronized void advance() {
        previous = next;
        next = new IdentityHashMap<>();
    }
}
