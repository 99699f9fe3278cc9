package org.evidencearchive.evidence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.content.Claim;
import org.evidencearchive.content.Paragraph;
import org.evidencearchive.content.Source;

/**
 * A statement gives no number its passages do not: every number in a claim's statement ("170 drug-related deaths",
 * "£12,000", "15 people", "in 2016") must be one that a paragraph it cites gives, or a year of the claim's date, of
 * its figure's period (checked against the source apart) or of a cited source's date, known or inferred. "one" is a
 * word here ("one person"), not a number: a statement may count a thing once in its own words.
 */
final class StatementNumbersCheck {
    private StatementNumbersCheck() {}

    /** Reports every statement of some claims that gives a number none of its quotes gives. */
    static void check(org.evidencearchive.graph.Archive archive, Collection<Claim> claims, Diagnostics d) {
        for (Claim c : claims) {
            List<ResolvedCitation> cites = archive.citations(c);
            if (cites.isEmpty()) continue; // the quotes themselves are wrong, and reported as such
            TreeSet<BigDecimal> given = new TreeSet<>();
            List<BigDecimal> years = new ArrayList<>();
            for (ResolvedCitation rc : cites) {
                Source s = archive.source(rc.sourceId()).orElseThrow();
                for (Paragraph p : s.text().paragraphs()) {
                    if (p.anchor().equals(rc.anchor())) {
                        for (NumberForms.Occurrence o : NumberForms.find(p.text(), 0, p.text().length())) given.add(o.value());
                    }
                }
                // the source's own date, as a statement about when it was written gives it
                if (s.published() != null) years.add(BigDecimal.valueOf(s.published().year()));
                if (s.dateInferred() != null) {
                    var from = s.dateInferred().earliest();
                    var to = s.dateInferred().latest();
                    if (from != null) years.add(BigDecimal.valueOf(from.year()));
                    if (to != null) years.add(BigDecimal.valueOf(to.year()));
                    for (int y = from == null ? 0 : from.year() + 1; to != null && from != null && y < to.year(); y++) {
                        years.add(BigDecimal.valueOf(y));
                    }
                }
            }
            if (c.date() != null) years.add(BigDecimal.valueOf(c.date().year()));
            FigurePeriod.of(c, archive).ifPresent(p -> {
                if (p.earliest() != null && p.latest() != null) {
                    for (int y = p.earliest(); y <= p.latest(); y++) years.add(BigDecimal.valueOf(y));
                }
            });
            TreeSet<BigDecimal> reported = new TreeSet<>();
            for (NumberForms.Occurrence o : NumberForms.find(c.statement(), 0, c.statement().length())) {
                BigDecimal v = o.value();
                if (v.compareTo(BigDecimal.ONE) == 0 && !o.written().matches(".*\\d.*")) continue; // "one person"
                if (given.contains(v) || years.stream().anyMatch(y -> y.compareTo(v) == 0)) continue;
                // a figure's value missing from its quotes is reported at the value (FigureCheck); a number once
                if ((c.figure() != null && c.figure().value().compareTo(v) == 0) || !reported.add(v)) continue;
                d.error(c.statementOrigin().file(), c.statementOrigin().line(),
                        "the statement gives " + o.written() + ", which none of the paragraphs it cites gives",
                        given.isEmpty() ? "a statement says what its sources say: cite the passage that gives the number, or leave it out"
                                : "a statement says what its sources say: the cited paragraphs give " + list(given)
                                + "; write the number as the source does, or cite the passage that gives it");
            }
        }
    }

    private static String list(TreeSet<BigDecimal> values) {
        List<String> out = new ArrayList<>();
        for (BigDecimal v : values) out.add(FigureText.number(v));
        return String.join(", ", out);
    }
}
