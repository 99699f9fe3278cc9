package org.evidencearchive.render;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evidencearchive.cite.QuoteNormalizer;
import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.content.Claim;
import org.evidencearchive.content.InferredDate;
import org.evidencearchive.content.PartialDate;
import org.evidencearchive.content.Source;
import org.evidencearchive.evidence.FigurePeriod;
import org.evidencearchive.graph.Urls;

/**
 * The model of the timeline. Placed on it, to scale: every claim with a date; every figure whose period the
 * sources let us tell in years; and every event, at the date its source gives or else as a range from its
 * report's published or inferred date (moved back when the passage says "two years ago": only "N years ago" is
 * read, since "last year" in a passage often dates something else, such as figures), labelled "date inferred"
 * with the basis. What cannot be placed is listed, by its report's date.
 */
final class TimelinePage extends PageModels {
    private static final Pattern RELATIVE = Pattern.compile("\\b(\\w+) years? ago\\b");
    private static final List<String> COUNT_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten");

    TimelinePage(PageContext ctx) {
        super(ctx);
    }

    /**
     * An entry of the timeline: a claim, when it happened in words, whether that is inferred and why, its
     * passages, and (when placed) its bar on the axis; {@code from} and {@code to} are in years, empty when open.
     */
    public record Entry(String kind, String statement, String url, String when, boolean inferred, String basis,
                        String basisUrl, List<View.Cited> passages, String track, String from, String to) {}

    /** What the page is built from: a claim, its span (null when it cannot be placed) and its words. */
    private record Placed(Claim claim, TimeAxis.Span span, String when, boolean inferred, String basis, Source source) {}

    PageSpec page() {
        return SitePlan.lazy("timeline/index.html", "timeline.ftl", null, this::model);
    }

    private Map<String, Object> model() {
        Map<String, Object> m = base("Timeline", "/timeline/",
                "What the sources report, placed in time as precisely as they allow.", "timeline",
                List.of(new View.Crumb("Home", "/")));
        List<Placed> all = new ArrayList<>();
        for (Claim c : archive.claims()) {
            Placed p = place(c);
            if (p != null) all.add(p);
        }
        List<Placed> placed = all.stream().filter(p -> p.span() != null).toList();
        TimeAxis axis = TimeAxis.of(placed.stream().map(Placed::span).toList());
        List<Entry> entries = new ArrayList<>();
        if (axis != null) {
            placed.stream().sorted(Comparator.comparingDouble((Placed p) -> axis.extent(p.span())[0])
                            .thenComparingDouble(p -> axis.extent(p.span())[1]).thenComparing(p -> p.claim().id()))
                    .forEach(p -> entries.add(entry(p, axis.trackSvg(p.span(), p.inferred()))));
        }
        List<Entry> undated = all.stream().filter(p -> p.span() == null)
                .sorted(Comparator.comparing((Placed p) -> reportDate(p.source()), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(p -> p.claim().id()))
                .map(p -> entry(p, null)).toList();
        m.put("entries", entries);
        m.put("undated", undated);
        m.put("axis", axis == null ? null : axis.axisSvg());
        m.put("events", entries.stream().filter(e -> e.kind().equals("event")).count());
        m.put("breaks", axis == null ? List.of() : breaks(axis));
        m.put("reports", archive.sources().size());
        m.put("undatedReports", archive.sources().stream().filter(s -> s.published() == null).count());
        return m;
    }

    /** The years left out of the axis, in words ("1972 to 2014"). */
    private static List<String> breaks(TimeAxis axis) {
        List<String> out = new ArrayList<>();
        for (int k = 1; k < axis.segments().size(); k++) {
            out.add(axis.segments().get(k - 1).to() + " to " + (axis.segments().get(k).from() - 1));
        }
        return out;
    }

    /** A report's date for sorting: published, else the inferred range's first (then last) known day. */
    private static String reportDate(Source s) {
        if (s == null) return null;
        if (s.published() != null) return s.published().value();
        InferredDate d = s.dateInferred();
        if (d == null) return null;
        return (d.earliest() == null ? "" : d.earliest().value()) + "/" + (d.latest() == null ? "" : d.latest().value());
    }

    private Entry entry(Placed p, String track) {
        Citations cs = ctx.citations();
        archive.citations(p.claim()).forEach(cs::add);
        TimeAxis.Span s = p.span();
        return new Entry(p.claim().claimKind().word(), p.claim().statement(), Urls.of(p.claim()), p.when(), p.inferred(),
                p.basis(), p.source() == null ? null : Urls.of(p.source()) + "#dating", cs.list, track,
                s == null || s.from() == null ? "" : years(s.from()), s == null || s.to() == null ? "" : years(s.to()));
    }

    private static String years(double t) {
        return String.format(Locale.ROOT, "%.4f", t);
    }

    /** Where a claim goes: null when it is not on the timeline at all. */
    private Placed place(Claim c) {
        Source source = archive.citations(c).stream().map(rc -> archive.source(rc.sourceId()).orElseThrow())
                .findFirst().orElse(null);
        if (c.date() != null) {
            return new Placed(c, TimeAxis.Span.of(c.date(), c.date()), c.date().display(), false, null, source);
        }
        var period = FigurePeriod.of(c, archive);
        if (period.isPresent() && (period.get().earliest() != null || period.get().latest() != null)) {
            FigurePeriod f = period.get();
            return new Placed(c, TimeAxis.Span.of(f.earliestDate(), f.latestDate()), f.shortText(), f.basis() != null,
                    f.basis() == null ? null : "The period is the source's words, \u201c" + f.text() + "\u201d, "
                            + f.basis() + ".", source);
        }
        if (period.isPresent() && period.get().basis() != null) {
            return new Placed(c, null, period.get().text(), true, period.get().basis() + ".", source);
        }
        if (c.claimKind() != Claim.ClaimKind.EVENT) return null;
        if (source == null || (source.published() == null && source.dateInferred() == null)) {
            return new Placed(c, null, "date unknown", true, "Neither the passage nor its report gives a date.", source);
        }
        return eventFromReport(c, source);
    }

    /** An undated event: its report's date range, moved by the years the passage counts from it, if it does. */
    private Placed eventFromReport(Claim c, Source s) {
        String phrase = null;
        int shift = 0;
        for (ResolvedCitation rc : archive.citations(c)) {
            if (!rc.sourceId().equals(s.id())) continue;
            Matcher m = RELATIVE.matcher(QuoteNormalizer.normalize(rc.exact()).toLowerCase(Locale.ROOT));
            if (m.find()) {
                int n = m.group(1).matches("\\d{1,2}") ? -Integer.parseInt(m.group(1)) : -COUNT_WORDS.indexOf(m.group(1));
                if (n < 0) {
                    phrase = m.group();
                    shift = n;
                    break;
                }
            }
        }
        PartialDate from = s.published() != null ? s.published() : s.dateInferred().earliest();
        PartialDate to = s.published() != null ? s.published() : s.dateInferred().latest();
        InferredDate range = new InferredDate(shift(from, shift), shift(to, shift), null);
        String reportDate = s.published() != null ? "The report is dated " + s.published().display() + "."
                : "The report is undated; its date, " + s.dateInferred().display() + ", is inferred. " + s.dateInferred().basis();
        String basis = (phrase == null ? "The passage does not date it, so it is placed at its report's date. "
                : "The passage says \u201c" + phrase + "\u201d, counted here from its report's date. ") + reportDate;
        return new Placed(c, TimeAxis.Span.of(range.earliest(), range.latest()), range.display(), true, basis, s);
    }

    private static PartialDate shift(PartialDate d, int years) {
        if (d == null || years == 0) return d;
        String v = d.value();
        if (v.length() == 10) return new PartialDate(LocalDate.parse(v).plusYears(years).toString());
        return new PartialDate(String.format(Locale.ROOT, "%04d", d.year() + years) + v.substring(4));
    }
}
