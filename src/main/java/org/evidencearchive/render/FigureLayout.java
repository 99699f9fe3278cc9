package org.evidencearchive.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.evidencearchive.content.Claim;
import org.evidencearchive.graph.Queries;

/**
 * Where each measure stands on the figures pages: one group per measure (and unit), in id order, numbered for
 * their charts' ids, cut into pages of whole measures (a measure with more rows than a page holds gets a page of
 * its own). The figures pages draw them; the search links a measure's result to its place.
 */
public final class FigureLayout {
    private FigureLayout() {}

    /** Rows of figures on one page of /figures/. */
    static final int FIGURE_ROWS_PER_PAGE = 200;

    /** The claims with a figure of one measure, in one unit; {@code label} is the measure's name. */
    public record Measure(int number, String id, String label, String unit, List<Claim> claims) {
        /** The fragment id of the measure on its page. */
        public String anchor() {
            return "measure-" + id;
        }

        /** Its name as its section on the figures page heads it, first letter capitalised ("Drug deaths in Scotland"). */
        public String heading() {
            return label.isEmpty() ? label : label.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + label.substring(1);
        }
    }

    /** A measure and the URL of its place: its page, and its anchor there. */
    public record Placed(Measure measure, String url) {}

    /** The measures, page by page. */
    static List<List<Measure>> pages(Queries archive) {
        Map<String, List<Claim>> byMeasure = new java.util.TreeMap<>();
        for (Claim c : archive.claims()) {
            if (c.figure() != null) {
                byMeasure.computeIfAbsent(c.figure().measure() + "\u0000" + c.figure().unit(), k -> new ArrayList<>()).add(c);
            }
        }
        List<Measure> measures = new ArrayList<>();
        for (var e : byMeasure.entrySet()) {
            String[] mu = e.getKey().split("\u0000");
            measures.add(new Measure(measures.size() + 1, mu[0], archive.corpus().measures().label(mu[0]), mu[1], e.getValue()));
        }
        return Pager.split(measures, FIGURE_ROWS_PER_PAGE, g -> g.claims().size(), null);
    }

    /** Every measure with the URL of its place ({@code /figures/#measure-ID}, or a later page's). */
    public static List<Placed> placed(Queries archive) {
        List<List<Measure>> pages = pages(archive);
        List<Placed> out = new ArrayList<>();
        for (int k = 0; k < pages.size(); k++) {
            String page = Pager.of("/figures/", k + 1, pages.size()).url();
            for (Measure m : pages.get(k)) out.add(new Placed(m, page + "#" + m.anchor()));
        }
        return out;
    }
}
