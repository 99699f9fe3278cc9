package org.evidencearchive.evidence;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.content.Claim;
import org.evidencearchive.content.Kind;
import org.evidencearchive.graph.Archive;

/** Every evidence check, run by {@code check} and {@code build} once the archive is linked. */
public final class EvidenceChecks {
    private EvidenceChecks() {}

    /** Reports every figure, measure, relation, attribution and role that says more, or other, than its source. */
    public static void run(Archive archive, Diagnostics d) {
        run(archive, d, new Memo());
    }

    /**
     * Runs every check, re-using what {@code memo} kept from the last run (archive serve): a claim's findings are
     * kept while the claim, the claims its relations name, every source, every person and the measures are the
     * same objects as then (a check of a claim reads nothing else); the roles' findings while sources and people are.
     */
    public static void run(Archive archive, Diagnostics d, Memo memo) {
        boolean same = archive.sameObjects(Kind.SOURCE, memo.archive) && archive.sameObjects(Kind.PERSON, memo.archive)
                && archive.corpus().measures().equals(memo.archive.corpus().measures());
        Map<Claim, Kept> claims = new IdentityHashMap<>();
        for (Claim c : archive.claims()) {
            List<Claim> related = new ArrayList<>();
            for (Claim.Relation r : c.relations()) related.add(archive.claim(r.claim().id()).orElse(null));
            Kept kept = same ? memo.claims.get(c) : null;
            if (kept == null || !sameObjects(kept.related, related)) {
                Diagnostics one = new Diagnostics();
                List<Claim> only = List.of(c);
                FigureCheck.check(archive, only, one);
                StatementNumbersCheck.check(archive, only, one);
                MeasureCheck.check(archive, only, one);
                RelationCheck.check(archive, only, one);
                AttributionCheck.check(archive, only, one);
                kept = new Kept(related, one.sorted());
            }
            claims.put(c, kept);
            kept.found.forEach(d::add);
        }
        List<Diagnostic> roles = same ? memo.roles : null;
        if (roles == null) {
            Diagnostics one = new Diagnostics();
            RoleCheck.check(archive, one);
            roles = one.sorted();
        }
        roles.forEach(d::add);
        memo.archive = archive;
        memo.claims = claims;
        memo.roles = roles;
    }

    private static boolean sameObjects(List<Claim> a, List<Claim> b) {
        if (a.size() != b.size()) return false;
        for (int k = 0; k < a.size(); k++) if (a.get(k) != b.get(k)) return false;
        return true;
    }

    /** A claim's findings and the claims its relations named when they were found. */
    private record Kept(List<Claim> related, List<Diagnostic> found) {}

    /** What the last run found, for the next (one per serve session). */
    public static final class Memo {
        private Archive archive;
        private Map<Claim, Kept> claims = Map.of();
        private List<Diagnostic> roles;
    }
}
