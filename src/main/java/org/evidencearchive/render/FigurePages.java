package org.evidencearchive.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.evidencearchive.content.Claim;
import org.evidencearchive.graph.Reads;
import org.evidencearchive.graph.Urls;

/** The models of the figures pages (a chart and a table per measure). */
final class FigurePages extends PageModels {
    FigurePages(PageContext ctx) {
        super(ctx);
    }

    /** Rows of figures on one page of /figures/. */
    static final int FIGURE_ROWS_PER_PAGE = 200;

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
