package org.evidencearchive.evidence;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.content.Claim;
import org.evidencearchive.content.Paragraph;
import org.evidencearchive.content.Person;
import org.evidencearchive.content.Ref;
import org.evidencearchive.graph.Archive;

/**
 * A claim's {@code by:} is who said or wrote the cited words, not whom the outlet describes: each actor must be
 * named, outside quotation marks, where the source tells who is speaking (the cited paragraph, the paragraphs its
 * quotation continues from and the one before, or further back for a pronoun's speaker), and a speech tag
 * ("said", "wrote", "according to") must be there. A {@code position} needs {@code by:}; the outlet's own
 * framing is a {@code report}, which has no {@code by:}.
 */
public final class AttributionCheck {
    private AttributionCheck() {}

    /** Words in a statement that give it as the report's own account. */
    static final Pattern REPORT_WORDS = Pattern.compile("\\b(the report says|the report said|according to the report)\\b");

    /** Reports every claim attributed to someone the cited passages do not give the words to. */
    public static void check(Archive archive, Diagnostics d) {
        check(archive, archive.claims(), d);
    }

    /** Reports the claims among some whose 'by' the cited passages do not give the words to. */
    static void check(Archive archive, java.util.Collection<Claim> claims, Diagnostics d) {
        for (Claim c : claims) {
            if (c.claimKind() == Claim.ClaimKind.REPORT) {
                if (!c.by().isEmpty()) {
                    error(d, c.by().get(0), "a report is the outlet's own account, but it names 'by: " + c.by().get(0).id() + "'",
                            "a report is attributed to its source: remove 'by' and name whom it describes in the statement");
                }
                continue;
            }
            if (c.by().isEmpty()) {
                if (c.claimKind() == Claim.ClaimKind.POSITION) {
                    d.error(c.origin().file(), c.origin().line(), "position '" + c.id() + "' has no 'by'",
                            "a position is someone's: name who said or wrote it in 'by'; the outlet's own framing is 'kind: report'");
                }
                continue;
            }
            if (REPORT_WORDS.matcher(Passages.norm(c.statement())).find()) {
                error(d, c.by().get(0), "the statement gives this as the report's account, but 'by' names " + c.by().get(0).id(),
                        "the outlet's own framing is 'kind: report', attributed to the source: remove 'by'");
                continue;
            }
            for (Ref b : c.by()) {
                Optional<Person> p = archive.person(b.id());
                if (p.isEmpty()) continue; // reported by linking
                if (!spoken(c, p.get(), archive)) {
                    List<ResolvedCitation> cites = archive.citations(c);
                    if (cites.isEmpty()) continue; // the quotes themselves are wrong, and reported as such
                    error(d, b, "no cited passage gives these words to " + p.get().name() + ": " + p.get().name()
                                    + " is not named as the speaker or author where the source tells who is speaking ("
                                    + cites.get(0).sourceId() + " " + cites.get(0).anchor() + ")",
                            "cite the words where the source says who said or wrote them (\"" + p.get().name()
                                    + " said\", \"a spokesman for ... said\", \"according to\"), in that paragraph or the"
                                    + " one before; if these are the outlet's own words, make the claim 'kind: report' without 'by'");
                }
            }
        }
    }

    /** Whether one of the claim's citations is in a passage that gives words to the person. */
    static boolean spoken(Claim c, Person p, Archive archive) {
        for (ResolvedCitation rc : archive.citations(c)) {
            List<Paragraph> ps = archive.source(rc.sourceId()).orElseThrow().text().paragraphs();
            int i = Passages.index(ps, rc.anchor());
            if (i < 0) continue;
            boolean named = false;
            boolean tagged = false;
            for (int k : Passages.context(ps, i, archive)) {
                String out = Passages.outside(ps.get(k).text());
                named |= Passages.names(out, p);
                tagged |= Passages.SPEECH.matcher(out).find();
            }
            if (named && tagged) return true;
        }
        return false;
    }

    private static void error(Diagnostics d, Ref at, String message, String hint) {
        d.error(at.origin().file(), at.origin().line(), message, hint);
    }
}
