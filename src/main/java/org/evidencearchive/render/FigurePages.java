package org.evidencearchive.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.evidencearchive.content.Claim;
import org.evidencearchive.content.Measures;
import org.evidencearchive.evidence.FigurePeriod;
import org.evidencearchive.evidence.FigureText;
import org.evidencearchive.graph.Reads;
import org.evidencearchive.graph.Urls;
import org.evidencearchive.render.FigureLayout.Measure;

/** The models of the figures pages (a chart and a list, or a card, per measure). */
final class FigurePages extends PageModels {
    FigurePages(PageContext ctx) {
        super(ctx);
    }

    /**
     * One measure on the figures page: what it counts (area and definition as measures.yaml gives them), and its
     * figures, as a chart with a list when there are several ({@code svg} not null) or as one card.
     */
    public record FigureGroup(String anchor, String measure, String unit, String area, String definition, String svg,
                              List<FigureRow> rows) {}

    /**
     * One figure: its value in words ("more than 1,100"), its qualifier's words and its number apart, the mark
     * drawn for its qualifier on a card (null when exact), its period, claim and source passage.
     */
    public record FigureRow(String value, String qualifier, String number, String mark, String period, String statement,
                            String claimUrl, View.Cited passage) {}


    List<PageSpec> figures() {
        List<List<Measure>> pages = FigureLayout.pages(archive);
        List<String> shapes = SitePlan.shapes(pages, g -> "# " + g.number() + " " + g.label() + " " + g.unit(), Measure::claims);
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
        record Figure(Claim claim, java.util.Optional<FigurePeriod> period) {}
        List<Figure> figures = new ArrayList<>();
        for (Claim c : g.claims()) {
            Reads.item(c);
            figures.add(new Figure(c, FigurePeriod.of(c, archive)));
        }
        // In time order: by the first year a period can be in, then the last; figures without a period last.
        figures.sort(Comparator.comparing((Figure f) -> f.period().map(FigurePeriod::earliest).orElse(null), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(f -> f.period().map(FigurePeriod::latest).orElse(null), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(f -> f.claim().id()));
        List<FigureRow> rows = new ArrayList<>();
        List<Charts.Bar> bars = new ArrayList<>();
        for (Figure f : figures) {
            Claim c = f.claim();
            Citations cs = ctx.citations();
            archive.citations(c).forEach(cs::add);
            Claim.Figure fig = c.figure();
            rows.add(new FigureRow(FigureText.value(fig), fig.qualifier().words(), FigureText.number(fig.value()),
                    Charts.cardMark(fig.qualifier()), f.period().map(FigurePeriod::display).orElse(null), c.statement(), Urls.of(c),
                    cs.list.isEmpty() ? null : cs.list.get(0)));
            bars.add(new Charts.Bar(fig.value(), fig.qualifier(),
                    f.period().map(FigurePeriod::shortText).orElse("period not stated"), Urls.of(c),
                    f.period().map(p -> p.earliest() == null || !p.earliest().equals(p.latest()) || p.basis() != null).orElse(true)));
        }
        var m = archive.corpus().measures().get(g.id());
        String svg = rows.size() < 2 ? null : Charts.bars("figure-" + g.number(), g.label() + " (" + g.unit() + ")",
                "Bar chart of " + rows.size() + " figures for " + g.label() + ", one bar per period, on an axis in "
                        + g.unit() + "; each bar links to its claim. The same figures are listed below.", g.unit(), bars);
        return new FigureGroup(g.anchor(), g.label(), g.unit(), m.map(Measures.Measure::area).orElse(null),
                m.map(Measures.Measure::definition).orElse(null), svg, rows);
    }
}
