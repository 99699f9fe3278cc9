package org.evidencearchive.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A thread-safe collector of every problem found in one run, so that all of them are reported together. */
public final class Diagnostics {
    private final List<Diagnostic> items = Collections.synchronizedList(new ArrayList<>());

    /** Records an error at file:line:column. */
    public void error(String file, int line, int column, String message, String hint) {
        items.add(Diagnostic.error(file, line, column, message, hint));
    }

    /** Records an error at file:line. */
    public void error(String file, int line, String message, String hint) {
        error(file, line, 0, message, hint);
    }

    /** Records a warning at file:line. */
    public void warning(String file, int line, String message, String hint) {
        items.add(Diagnostic.warning(file, line, 0, message, hint));
    }

    /** Records a diagnostic made elsewhere. */
    public void add(Diagnostic d) {
        items.add(d);
    }

    /** Returns whether any error (not warning) was recorded. */
    public boolean hasErrors() {
        synchronized (items) {
            return items.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
        }
    }

    /** Returns the number of errors recorded. */
    public long errorCount() {
        synchronized (items) {
            return items.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
        }
    }

    /** Returns every diagnostic, sorted by file, line and column. */
    public List<Diagnostic> sorted() {
        synchronized (items) {
            List<Diagnostic> copy = new ArrayList<>(items);
            Collections.sort(copy);
            return List.copyOf(copy);
        }
    }
}
