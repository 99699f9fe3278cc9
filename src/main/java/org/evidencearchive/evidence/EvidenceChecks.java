package org.evidencearchive.evidence;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.graph.Archive;

/** Every evidence check, run by {@code check} and {@code build} once the archive is linked. */
public final class EvidenceChecks {
    private EvidenceChecks() {}

    /** Reports every figure, measure, relation, attribution and role that says more, or other, than its source. */
    public static void run(Archive archive, Diagnostics d) {
        FigureCheck.check(archive, d);
        MeasureCheck.check(archive, d);
        RelationCheck.check(archive, d);
        AttributionCheck.check(archive, d);
        RoleCheck.check(archive, d);
    }
}
