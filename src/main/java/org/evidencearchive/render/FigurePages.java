package org.evidencearchive.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.evidencearchive.content.Claim;
import org.evidencearchive.graph.Reads;
import org.evidencearchive.graph.Urls;

/** The models of the timeline and of the figures pages (a chart and a table per measure). */
final class FigurePages extends PageModels {
    FigurePages(PageContext ctx) {
        super(ctx);
    }

    /** Rows of figures on one page of /figures/. */
    static final int FIGURE_ROWS_PER_PAGE = 200;

    /** An entry of the timeline, from a claim: dated, or undated with the date of the report it comes from. */
    public record TimelineEntry(String date, String dateText, String kind, String statement, String url,
                                List<View.Cited> passages, String reportedIn) {}

    PageSpec timeline() {
        return SitePlan.lazy("timeline/index.html", "timeline.ftl", null, this::timelineModel);
    }

    private Map<String, Object> timelineModel() {
        Map<String, Object> m = base("Timeline", "/timeline/", "What the sources report, in date order, dated only as precisely as they allow.",
                "timeline", List.of(new View.Crumb("Home", "/")));
        List<TimelineEntry> dated = new ArrayList<>();
        List<TimelineEntry> undated = new ArrayList<>();
        for (Claim c : archive.claims()) {
            // Undated: events, and figures whose period is relative to an undated report ("last year"), with its years.
            var period = org.evidencearchive.evidence.FigurePeriod.of(c, archive).filter(p -> p.basis() != null);
            if (c.date() == null && c.claimKind() != Claim.ClaimKind.EVENT && period.isEmpty()) continue;
            Citations cs = ctx.citations();
            archive.citations(c).forEach(cs::add);
            String reportedIn = archive.citations(c).stream().map(rc -> archive.source(rc.sourceId()).orElseThrow())
                    .distinct().map(s -> s.title() + " (" + PageContext.dateLine(s) + ")").findFirst().orElse(null);
            TimelineEntry e = new TimelineEntry(c.date() == null ? null : c.date().value(),
                    c.date() == null ? period.map(org.evidencearchive.evidence.FigurePeriod::display).orElse(null) : c.date().display(),
                    c.claimKind().word(), c.statement(), Urls.of(c), cs.list, reportedIn);
            (c.date() == null ? undated : dated).add(e);
        }
        dated.sort(java.util.Comparator.comparing(TimelineEntry::date).thenComparing(TimelineEntry::url));
        m.put("events", dated);
        m.put("undated", undated);
        m.put("svg", dated.isEmpty() ? null : Charts.timeline("timeline-chart", "Timeline of dated claims",
                dated.size() + " dated claims, from " + dated.get(0).dateText() + " to " + dated.get(dated.size() - 1).dateText()
                        + ". Each links to its claim; the same entries are listed below.",
                dated.stream().map(e -> new Charts.Event(e.date(), e.statement(), e.url())).toList()));
        return m;
    }

    /** One measure's chart and table on the figures page. */
    public record FigureGroup(String measure, String unit, String svg, List<FigureRow> rows) {}

    /** One figure: its value, period, claim and source passage. */
    public record FigureRow(String value, String period, String statement, String claimUrl, View.Cited passage) {}

    /** The claims of one measure (in one unit), numbered in page order for their charts' ids. */
    private record Measure(int number, String measure, String unit, List<Claim> claims) {}

    List<PageSpec> figures() {
        Map<String, List<Claim>> byMeasure = new java.util.TreeMap<>();
        for (Claim c : archive.claims()) {
            if (c.figure() != null) {
                byMeasure.computeIfAbsent(c.figure().measure() + "\u0000" + c.figure().unit(), k -> new ArrayList<>()).add(c);
            }
        }
        List<Measure> measures = new ArrayList<>();
        for (var e : byMeasure.entrySet()) {
            String[] mu = e.getKey().split("\u0000");
            measures.add(new Measure(measures.size() + 1, archive.corpus().measures().label(mu[0]), mu[1], e.getValue()));
        }
        // Whole measures to a page (a measure with more rows than a page holds gets a page of its own).
        List<List<Measure>> pages = Pager.split(measures, FIGURE_ROWS_PER_PAGE, g -> g.claims().size(), null);
        List<String> shapes = SitePlan.shapes(pages, g -> "# " + g.number() + " " + g.measure() + " " + g.unit(), Measure::claims);
        List<PageSpec> out = new ArrayList<>();
        for (int k = 0; k < pages.size(); k++) {
            Pager pager = Pager.of("/figures/", k + 1, pages.size());
            List<Measure> page = pages.get(k);
            boolean first = k == 0;
            out.add(new PageSpec(pager.file(), "figures.ftl", () -> {
                Map<String, Object> m = base(pager.title("Figures"), pager.url(),
                        "Every figure the sources give, drawn by what it measures.", "figures",
                        first ? List.of(new View.Crumb("Home", "/")) : List.of(new View.Crumb("Home", "/"), new View.Crumb("Figures", "/figures/")));
                m.put("groups", page.stream().map(this::figureGroup).toList());
                m.put("pager", pager);
                return m;
            }, shapes.get(k)));
        }
        return out;
    }

    private FigureGroup figureGroup(Measure g) {
        List<FigureRow> rows = new ArrayList<>();
        List<Charts.Bar> bars = new ArrayList<>();
        for (Claim c : g.claims()) {
            Reads.item(c);
            Citations cs = ctx.citations();
            archive.citations(c).forEach(cs::add);
            var period = org.evidencearchive.evidence.FigurePeriod.of(c, archive);
            rows.add(new FigureRow(org.evidencearchive.evidence.FigureText.value(c.figure()),
                    period.map(org.evidencearchive.evidence.FigurePeriod::display).orElse(null), c.statement(), Urls.of(c),
                    cs.list.isEmpty() ? null : cs.list.get(0)));
            bars.add(new Charts.Bar(c.figure().value(), c.figure().qualifier(),
                    period.map(org.evidencearchive.evidence.FigurePeriod::shortText).orElse(c.statement()), Urls.of(c)));
        }
        return new FigureGroup(g.measure(), g.unit(), Charts.bars("figure-" + g.number(), g.measure() + " (" + g.unit() + ")",
                "Bar chart of " + rows.size() + (rows.size() == 1 ? " figure" : " figures") + " for " + g.measure()
                        + "; each bar links to its claim. The same figures are in the table below.", g.unit(), bars), rows);
    }
}
