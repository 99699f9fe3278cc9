package org.evidencearchive.evidence;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.content.Claim;
import org.evidencearchive.content.Paragraph;
import org.evidencearchive.content.Person;
import org.evidencearchive.content.Ref;
import org.evidencearchive.graph.Archive;

/**
 * A relation between claims says no more than the claims do: {@code same-figure} joins two figures of the same
 * measure and period, {@code same-measure} two figures of the same measure; {@code disputes} and
 * {@code responds-to} need a passage of the same source, after the answered claim's first passage there, where
 * the responding claim's words name the actor of the claim they answer (in the cited paragraph or the one before).
 */
public final class RelationCheck {
    private RelationCheck() {}

    /** Reports every relation its two claims do not support, at the relation's line. */
    public static void check(Archive archive, Diagnostics d) {
        check(archive, archive.claims(), d);
    }

    /** Reports the relations of some claims that their two claims do not support. */
    static void check(Archive archive, java.util.Collection<Claim> claims, Diagnostics d) {
        for (Claim c : claims) {
            for (Claim.Relation r : c.relations()) {
                Optional<Claim> other = archive.claim(r.claim().id());
                if (other.isEmpty()) continue; // a missing claim is reported by linking
                switch (r.type()) {
                    case SAME_FIGURE, SAME_MEASURE -> figures(c, other.get(), r, archive, d);
                    case DISPUTES, RESPONDS_TO -> response(c, other.get(), r, archive, d);
                    default -> { }
                }
            }
        }
    }

    private static void figures(Claim c, Claim o, Claim.Relation r, Archive archive, Diagnostics d) {
        Ref at = r.claim();
        for (Claim x : List.of(c, o)) {
            if (x.figure() == null) {
                error(d, at, "'" + r.type() + "' needs figures, but claim '" + x.id() + "' has none",
                        "relate figures only; claims that report the same thing without a number are not the same figure"
                                + " (say so in a note, or use 'contrasts' for positions in tension)");
                return;
            }
        }
        // an unknown measure is reported at the figure that names it (MeasureCheck), not again here
        if (archive.corpus().measures().get(c.figure().measure()).isEmpty()
                || archive.corpus().measures().get(o.figure().measure()).isEmpty()) return;
        if (!c.figure().measure().equals(o.figure().measure())) {
            error(d, at, "'" + r.type() + "' joins different measures: '" + c.figure().measure() + "' and '"
                            + o.figure().measure() + "'",
                    "figures are comparable only when they have the same measure id; if the sources measure the same thing,"
                            + " give both figures that measure, otherwise remove the relation");
            return;
        }
        if (r.type() == Claim.RelationType.SAME_FIGURE) {
            Optional<FigurePeriod> p = FigurePeriod.of(c, archive);
            Optional<FigurePeriod> q = FigurePeriod.of(o, archive);
            boolean same = p.isPresent() && q.isPresent() && p.get().earliest() != null
                    && p.get().latest() != null && Objects.equals(p.get().earliest(), p.get().latest())
                    && Objects.equals(p.get().earliest(), q.get().earliest()) && Objects.equals(p.get().latest(), q.get().latest());
            if (!same) {
                error(d, at, "'same-figure' needs the same period, but the figures' periods are "
                                + p.map(FigurePeriod::shortText).orElse("not given") + " and "
                                + q.map(FigurePeriod::shortText).orElse("not given"),
                        "'same-figure' is one measure for one period reported twice; for another (or an uncertain) period,"
                                + " write 'same-measure'");
            }
        }
    }

    private static void response(Claim c, Claim o, Claim.Relation r, Archive archive, Diagnostics d) {
        Ref at = r.claim();
        // a claim whose quotes are not found has no passages to compare: reported at its quotes, not again here
        if (archive.citations(c).isEmpty() || archive.citations(o).isEmpty()) return;
        if (o.by().isEmpty()) {
            if (o.claimKind() == Claim.ClaimKind.POSITION) return; // a position without 'by' is reported at the position
            error(d, at, "'" + r.type() + "' answers an actor, but claim '" + o.id() + "' has no 'by'",
                    "a report's own framing is answered by no one in particular: use 'contrasts', or remove the relation");
            return;
        }
        List<Person> actors = o.by().stream().map(b -> archive.person(b.id())).flatMap(Optional::stream).toList();
        if (actors.isEmpty()) return; // unknown people are reported by linking
        List<String> otherSources = archive.citations(o).stream().map(ResolvedCitation::sourceId).distinct().toList();
        boolean sameSource = false;
        boolean after = false;
        for (ResolvedCitation rc : archive.citations(c)) {
            if (!otherSources.contains(rc.sourceId())) continue;
            sameSource = true;
            List<Paragraph> ps = archive.source(rc.sourceId()).orElseThrow().text().paragraphs();
            int i = Passages.index(ps, rc.anchor());
            int answered = archive.citations(o).stream().filter(x -> x.sourceId().equals(rc.sourceId()))
                    .mapToInt(x -> Passages.index(ps, x.anchor())).min().orElse(-1);
            if (i < 0 || i <= answered) continue;
            after = true;
            String window = Passages.norm(ps.get(i).text() + "\n" + (i > 0 ? ps.get(i - 1).text() : ""));
            if (actors.stream().anyMatch(p -> Passages.names(window, p, true))) return;
        }
        if (sameSource && !after) {
            error(d, at, "the source gives '" + c.id() + "' before '" + o.id() + "', which it would "
                            + (r.type() == Claim.RelationType.DISPUTES ? "dispute" : "answer"),
                    "a response follows what it answers; for statements in tension that do not answer each other, use 'contrasts'");
            return;
        }
        if (!sameSource) {
            error(d, at, "'" + r.type() + "' needs the response and what it answers in one source, but '" + o.id()
                            + "' is cited from " + String.join(", ", otherSources),
                    "a response is checked where a report gives both; across reports, use 'contrasts' or say so in a note");
            return;
        }
        error(d, at, "no cited passage of '" + c.id() + "' names " + String.join(" or ",
                        actors.stream().map(Person::name).toList()) + ", whom it " + (r.type() == Claim.RelationType.DISPUTES
                        ? "disputes" : "responds to"),
                "cite the paragraph where the response refers to them (their name, a mention or a role, in the cited"
                        + " paragraph or the one before), or use 'contrasts'");
    }

    private static void error(Diagnostics d, Ref at, String message, String hint) {
        d.error(at.origin().file(), at.origin().line(), message, hint);
    }
}
