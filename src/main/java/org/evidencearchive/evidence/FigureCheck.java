package org.evidencearchive.evidence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.cite.QuoteNormalizer;
import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.content.Claim;
import org.evidencearchive.content.Origin;
import org.evidencearchive.content.Qualifier;
import org.evidencearchive.graph.Archive;

/**
 * A figure must be what its quotes say: the value occurs in one of them, with the qualifier the source writes
 * before it ("more than", "almost", …) recorded and no qualifier claimed that the source does not write; the
 * statement, where it gives the number, gives it with the same qualifier; the period's words are the source's, and a
 * year stated without them is one the cited paragraphs give.
 */
public final class FigureCheck {
    private FigureCheck() {}

    /** Reports every figure that disagrees with its quotes. */
    public static void check(Archive archive, Diagnostics d) {
        check(archive, archive.claims(), d);
    }

    /** Reports every figure of some claims that disagrees with its quotes. */
    static void check(Archive archive, java.util.Collection<Claim> claims, Diagnostics d) {
        for (Claim c : claims) {
            if (c.figure() != null) check(c, archive, d);
        }
    }

    /** Returns the numbers equal to the figure's value in the claim's quotes (qualifiers read up to the passage). */
    static List<NumberForms.Occurrence> occurrences(Claim c, Archive archive) {
        List<NumberForms.Occurrence> found = new ArrayList<>();
        for (ResolvedCitation rc : archive.citations(c)) {
            String raw = archive.source(rc.sourceId()).orElseThrow().text().raw();
            for (NumberForms.Occurrence o : NumberForms.find(raw, rc.start(), rc.end())) {
                if (o.value().compareTo(c.figure().value()) == 0) found.add(o);
            }
        }
        return found;
    }

    private static void check(Claim c, Archive archive, Diagnostics d) {
        Claim.Figure f = c.figure();
        List<ResolvedCitation> cites = archive.citations(c);
        if (cites.isEmpty()) return; // the quotes themselves are wrong, and reported as such
        String number = FigureText.number(f.value());
        List<NumberForms.Occurrence> found = occurrences(c, archive);
        if (found.isEmpty()) {
            error(d, f.origin(), "figure value " + number + " does not occur in any of the claim's quotes",
                    "quote the passage that gives the number (1100, 1,100, £1,100, 1,100% and number words up to twenty are the same number)");
            return;
        }
        if (found.stream().noneMatch(o -> o.qualifier() == f.qualifier())) {
            NumberForms.Occurrence o = found.stream().filter(x -> x.qualifier() != Qualifier.EXACT).findFirst().orElse(found.get(0));
            if (f.qualifier() == Qualifier.EXACT) {
                error(d, f.qualifierOrigin(), "the source says '" + o.written() + "' but the figure records no qualifier",
                        "add 'qualifier: " + o.qualifier().id() + "' to the figure, and write '" + o.qualifier().before(number)
                                + "' in the statement");
            } else {
                error(d, f.qualifierOrigin(), "figure qualifier '" + f.qualifier().id() + "' is not in the quote: the source says '"
                        + o.written() + "'", o.qualifier() == Qualifier.EXACT
                        ? "the source gives the number without a qualifier: remove 'qualifier' (or write 'qualifier: exact')"
                        : "write 'qualifier: " + o.qualifier().id() + "'");
            }
            return;
        }
        for (NumberForms.Occurrence o : NumberForms.find(c.statement(), 0, c.statement().length())) {
            if (o.value().compareTo(f.value()) == 0 && o.qualifier() != f.qualifier()) {
                error(d, f.qualifierOrigin(), "the statement says '" + o.written() + "' but the figure is '"
                        + f.qualifier().before(number) + "'", "give the number in the statement as the source does: '"
                        + f.qualifier().before(number) + "'");
                break;
            }
        }
        if (f.period() != null && f.periodText() == null) {
            // a year stated without the source's words must be one the cited paragraphs give
            if (!StatementNumbersCheck.inCitedParagraphs(archive, cites).contains(BigDecimal.valueOf(f.period().year()))) {
                error(d, f.periodTextOrigin(), "period " + f.period().display() + " is not a year the cited paragraphs give",
                        "give the year the source gives, or write the source's own words for the period in period_text"
                                + " (\"last year\"), counted from the source's date");
            }
        }
        if (f.periodText() != null) {
            String words = norm(f.periodText());
            if (cites.stream().noneMatch(rc -> norm(rc.exact()).contains(words))) {
                error(d, f.periodTextOrigin(), "period_text '" + f.periodText() + "' does not occur in any of the claim's quotes",
                        "write the period in the source's own words (\"2017-18\", \"last year\"), and quote the words that give it");
            }
        }
    }

    static String norm(String s) {
        return QuoteNormalizer.normalize(s).toLowerCase(Locale.ROOT);
    }

    private static void error(Diagnostics d, Origin at, String message, String hint) {
        d.error(at.file(), at.line(), message, hint);
    }
}
