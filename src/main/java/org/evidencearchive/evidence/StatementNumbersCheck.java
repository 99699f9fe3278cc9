package org.evidencearchive.evidence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.content.Claim;
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
            TreeSet<BigDecimal> given = inCitedParagraphs(archive, cites);
            TreeSet<BigDecimal> years = new TreeSet<>();
            for (ResolvedCitation rc : cites) {
                // the source's own date, as a statement about when it was written gives it
                Source s = archive.source(rc.sourceId()).orElseThrow();
                if (s.published() != null) years(s.published().year(), s.published().year(), years);
                if (s.dateInferred() != null) {
                    var from = s.dateInferred().earliest();
                    var to = s.dateInferred().latest();
                    years(from == null ? null : from.year(), to == null ? null : to.year(), years);
                }
            }
            if (c.date() != null) years(c.date().year(), c.date().year(), years);
            FigurePeriod.of(c, archive).filter(p -> p.earliest() != null && p.latest() != null)
                    .ifPresent(p -> years(p.earliest(), p.latest(), years));
            TreeSet<BigDecimal> reported = new TreeSet<>();
            for (NumberForms.Occurrence o : NumberForms.find(c.statement(), 0, c.statement().length())) {
                BigDecimal v = o.value();
                if (v.compareTo(BigDecimal.ONE) == 0 && !o.written().matches(".*\\d.*")) continue; // "one person"
                if (given.contains(v) || years.contains(v)) continue;
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

    /** The numbers the cited paragraphs give (each cited passage's whole paragraph), in order. */
    static TreeSet<BigDecimal> inCitedParagraphs(org.evidencearchive.graph.Archive archive, List<ResolvedCitation> cites) {
        TreeSet<BigDecimal> given = new TreeSet<>();
        for (ResolvedCitation rc : cites) {
            archive.source(rc.sourceId()).orElseThrow().text().paragraph(rc.anchor())
                    .ifPresent(p -> NumberForms.find(p.text(), 0, p.text().length()).forEach(o -> given.add(o.value())));
        }
        return given;
    }

    /** Adds the years from {@code from} to {@code to}, or the one end known (none when neither is). */
    private static void years(Integer from, Integer to, TreeSet<BigDecimal> into) {
        if (from != null && to != null) {
            for (int y = from; y <= to; y++) into.add(BigDecimal.valueOf(y));
        } else if (from != null || to != null) {
            into.add(BigDecimal.valueOf(from != null ? from : to));
        }
    }

    private static String list(TreeSet<BigDecimal> values) {
        List<String> out = new ArrayList<>();
        for (BigDecimal v : values) out.add(FigureText.number(v));
        return String.join(", ", out);
    }
}
