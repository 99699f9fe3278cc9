package org.evidencearchive.evidence;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.check.Suggestions;
import org.evidencearchive.content.Claim;
import org.evidencearchive.content.Measures;
import org.evidencearchive.graph.Archive;

/**
 * A figure names its measure by id from the vocabulary ({@code content/measures.yaml}), and is given in that
 * measure's unit: figures are comparable exactly when their measure ids are the same.
 */
public final class MeasureCheck {
    private MeasureCheck() {}

    /** Reports every figure whose measure is not in the vocabulary, or whose unit is not its measure's. */
    public static void check(Archive archive, Diagnostics d) {
        check(archive, archive.claims(), d);
    }

    /** Reports the figures of some claims whose measure is unknown or in another unit. */
    static void check(Archive archive, java.util.Collection<Claim> claims, Diagnostics d) {
        Measures measures = archive.corpus().measures();
        if (measures.unreadable()) return; // the file's error is reported at it, not at every figure that names a measure
        for (Claim c : claims) {
            Claim.Figure f = c.figure();
            if (f == null) continue;
            var m = measures.get(f.measure());
            if (m.isEmpty()) {
                d.error(f.measureOrigin().file(), f.measureOrigin().line(), "unknown measure '" + f.measure() + "'",
                        Suggestions.didYouMean(f.measure(), measures.byId().keySet(), "measures")
                                + " (a figure's measure is the id of an entry of content/" + Measures.FILE
                                + ": add one there, with what is counted, area, unit and definition as the sources give them)");
            } else if (!m.get().unit().equals(f.unit())) {
                d.error(f.origin().file(), f.origin().line(), "figure unit '" + f.unit() + "' is not the unit of measure '"
                                + f.measure() + "' ('" + m.get().unit() + "')",
                        "give the figure in its measure's unit, or name the measure it belongs to");
            }
        }
    }
}
