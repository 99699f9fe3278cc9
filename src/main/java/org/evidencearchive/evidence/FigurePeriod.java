package org.evidencearchive.evidence;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evidencearchive.cite.QuoteNormalizer;
import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.content.Claim;
import org.evidencearchive.content.InferredDate;
import org.evidencearchive.content.PartialDate;
import org.evidencearchive.content.Source;
import org.evidencearchive.graph.Queries;

/**
 * The period of a figure as its source gives it, and the years it covers when they can be told: a stated year
 * ({@code period: "2016"}), the source's own words ("2017-18"), or words relative to the source ("last year"),
 * resolved against the source's published date or, failing that, its inferred date range.
 *
 * @param text     the period in words as shown: the source's words, or the stated year; never null
 * @param earliest the first year the period can be in, or null when unknown (open)
 * @param latest   the last year the period can be in, or null when unknown (open)
 * @param basis    how a relative period was resolved ("counted from the source's inferred date, …"), or null
 */
public record FigurePeriod(String text, Integer earliest, Integer latest, String basis) {
    private static final Pattern YEAR = Pattern.compile("(?:in |during )?((?:19|20)\\d{2})");
    private static final Pattern SPAN = Pattern.compile("(?:in |during )?((?:19|20)\\d{2})[-/](\\d{2}|(?:19|20)\\d{2})");
    private static final Pattern RELATIVE = Pattern.compile("(?:(?:earlier |later )?(this) year|(last) year|(next) year|"
            + "(\\w+) years? ago)");
    private static final List<String> COUNT_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten");

    /** Returns a figure's period, or empty when it has none. */
    public static Optional<FigurePeriod> of(Claim c, Queries archive) {
        Claim.Figure f = c.figure();
        if (f == null || (f.period() == null && f.periodText() == null)) return Optional.empty();
        if (f.periodText() == null) {
            return Optional.of(new FigurePeriod(f.period().display(), f.period().year(), f.period().year(), null));
        }
        String words = QuoteNormalizer.normalize(f.periodText()).toLowerCase(Locale.ROOT);
        if (f.period() != null) {
            return Optional.of(new FigurePeriod(f.periodText(), f.period().year(), f.period().year(), null));
        }
        Matcher m = SPAN.matcher(words);
        if (m.matches()) {
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2).length() == 2 ? from / 100 * 100 + Integer.parseInt(m.group(2)) : Integer.parseInt(m.group(2));
            if (to > from) return Optional.of(new FigurePeriod(f.periodText(), from, to, null));
        }
        m = YEAR.matcher(words);
        if (m.matches()) {
            int y = Integer.parseInt(m.group(1));
            return Optional.of(new FigurePeriod(f.periodText(), y, y, null));
        }
        m = RELATIVE.matcher(words);
        if (m.matches()) {
            int ago = m.group(4) == null ? 0 : m.group(4).equals("a") ? 1 : m.group(4).matches("\\d{1,2}")
                    ? Integer.parseInt(m.group(4)) : COUNT_WORDS.indexOf(m.group(4));
            int shift = m.group(1) != null ? 0 : m.group(2) != null ? -1 : m.group(3) != null ? 1 : -ago;
            if (ago >= 0) {
                Source s = sourceOf(c, archive, words);
                if (s != null) return Optional.of(relative(f.periodText(), shift, s));
            }
        }
        return Optional.of(new FigurePeriod(f.periodText(), null, null, null));
    }

    /** The source whose quote gives the period's words (else the first cited). */
    private static Source sourceOf(Claim c, Queries archive, String words) {
        List<ResolvedCitation> cites = archive.citations(c);
        ResolvedCitation pick = cites.stream()
                .filter(rc -> QuoteNormalizer.normalize(rc.exact()).toLowerCase(Locale.ROOT).contains(words))
                .findFirst().orElse(cites.isEmpty() ? null : cites.get(0));
        return pick == null ? null : archive.source(pick.sourceId()).orElse(null);
    }

    private static FigurePeriod relative(String text, int shift, Source s) {
        if (s.published() != null) {
            int y = s.published().year() + shift;
            return new FigurePeriod(text, y, y, "counted from the source's date, " + s.published().display());
        }
        InferredDate d = s.dateInferred();
        if (d == null) return new FigurePeriod(text, null, null, "the source is undated, so the year cannot be told");
        return new FigurePeriod(text, d.earliest() == null ? null : d.earliest().year() + shift,
                d.latest() == null ? null : d.latest().year() + shift,
                "counted from the source's inferred date, " + d.display());
    }

    /** Returns the years covered in words: "2018", "2017–2018", "2016 or later", "no later than 2018", or null. */
    public String range() {
        if (earliest == null && latest == null) return null;
        if (earliest != null && earliest.equals(latest)) return String.valueOf(earliest);
        if (earliest != null && latest != null) return earliest + "–" + latest;
        return earliest != null ? earliest + " or later" : "no later than " + latest;
    }

    /** Returns whether the period's words are not themselves the years (a relative or written-out period). */
    private boolean needsRange() {
        String r = range();
        return r != null && !text.contains(r);
    }

    /** Returns the period for a label: the source's words, then the years when they are not the same ("last year, 2017–2018"). */
    public String shortText() {
        return needsRange() ? text + " (" + range() + ")" : text;
    }

    /** Returns the period in full: the short text and, for a relative period, how its years were told. */
    public String display() {
        if (basis == null) return shortText();
        return needsRange() ? text + " (" + range() + ": " + basis + ")" : text + " (" + basis + ")";
    }

    /** Returns the stated or resolved years as partial dates (either may be null), for exports. */
    public PartialDate earliestDate() {
        return earliest == null ? null : new PartialDate(String.valueOf(earliest));
    }

    /** Returns the last year as a partial date, or null. */
    public PartialDate latestDate() {
        return latest == null ? null : new PartialDate(String.valueOf(latest));
    }
}
