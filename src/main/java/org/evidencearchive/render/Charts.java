package org.evidencearchive.render;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.evidencearchive.content.Qualifier;
import org.evidencearchive.evidence.FigureText;

/**
 * Charts drawn at build time as accessible SVG: a title and description, every mark a keyboard-reachable
 * link to its claim, and text large enough to read. No script is needed to see them. Qualifiers are drawn, not
 * only written: "more than" and "at least" as a dashed arrow beyond the bar's end (open upwards), "almost", "up
 * to" and "less than" as a dashed cap with an arrow back (at most this), "about" as a pale band across the end.
 */
public final class Charts {
    private Charts() {}

    /**
     * One bar: a value with its source's qualifier, its short label (the period), the claim it comes from, and
     * whether its period is uncertain (a range of years, one counted from an inferred date, or none stated): drawn
     * pale with a dashed outline, as the timeline draws an inferred date.
     */
    public record Bar(BigDecimal value, Qualifier qualifier, String label, String url, boolean uncertain) {}

    private static final int WIDTH = 360;

    private static String esc(String s) {
        return PageContext.escape(s).replace("'", "&#39;");
    }

    /**
     * Returns a horizontal bar chart of two or more values of one measure: each bar's label (its period) above
     * it, the value after its end, and a value axis with round ticks and the unit under it.
     */
    public static String bars(String id, String title, String description, String unit, List<Bar> bars) {
        int row = 50;
        int longest = bars.stream().mapToInt(b -> b.qualifier().before(FigureText.number(b.value())).length()).max().orElse(0);
        double plot = Math.max(160, WIDTH - 8 - 30 - Math.ceil(longest * 8.5));
        double max = bars.stream().map(Bar::value).mapToDouble(BigDecimal::doubleValue).max().orElse(1);
        double step = niceStep(Math.max(max, 1e-9));
        double top = Math.ceil(max / step) * step;
        int axisY = row * bars.size() + 4;
        int height = axisY + 46;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart bars\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\">")
                .append("<title id=\"").append(id).append("-title\">").append(esc(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-desc\">").append(esc(description)).append("</desc>");
        for (int k = 0; k * step <= top + step / 2; k++) {
            double t = k * step;
            double x = 4 + plot * t / top;
            svg.append("<line class=\"gridline\" x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x))
                    .append("\" y1=\"0\" y2=\"").append(axisY + 5).append("\"/>")
                    .append("<text class=\"tick\" x=\"").append(fmt(x)).append("\" y=\"").append(axisY + 20)
                    .append("\" text-anchor=\"middle\">").append(FigureText.number(new BigDecimal(t).round(new java.math.MathContext(12)))).append("</text>");
        }
        svg.append("<line class=\"axis\" x1=\"4\" x2=\"").append(fmt(4 + plot)).append("\" y1=\"").append(axisY)
                .append("\" y2=\"").append(axisY).append("\"/>")
                .append("<text class=\"unit-label\" x=\"").append(fmt(4 + plot / 2)).append("\" y=\"").append(axisY + 40)
                .append("\" text-anchor=\"middle\">").append(esc(unit)).append("</text>");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = row * i;
            double w = Math.max(2, plot * b.value().doubleValue() / top);
            String shown = b.qualifier().before(FigureText.number(b.value()));
            svg.append("<a href=\"").append(esc(b.url())).append("\"><title>").append(esc(b.label() + ": " + shown + " " + unit
                            + (b.uncertain() ? " (the period is not certain)" : "")))
                    .append("</title><text x=\"4\" y=\"").append(y + 16).append("\" class=\"label\">").append(esc(b.label()))
                    .append("</text><rect x=\"4\" y=\"").append(y + 22).append("\" width=\"").append(fmt(w))
                    .append("\" height=\"20\" class=\"").append(b.uncertain() ? "bar uncertain" : "bar").append("\"/>");
            double end = 4 + w;
            svg.append(qualifierMark(b.qualifier(), end, y + 22, 20));
            double textX = end + (b.qualifier().lowerBound() ? 26 : b.qualifier().upperBound() || b.qualifier() == Qualifier.ABOUT ? 10 : 6);
            svg.append("<text x=\"").append(fmt(textX)).append("\" y=\"").append(y + 37).append("\" class=\"value\">")
                    .append(esc(shown)).append("</text></a>");
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Returns the mark of a qualifier at the end of a bar whose end is at {@code x}, top at {@code y}, of height
     * {@code h}: an open end (dashed line and arrowhead beyond it), a cap (dashed line across, arrowhead back), a
     * pale band (about); nothing for an exact value or a characterisation ("a record").
     */
    static String qualifierMark(Qualifier q, double x, double y, double h) {
        double mid = y + h / 2;
        if (q.lowerBound()) {
            return "<g class=\"open-end\"><path d=\"M" + fmt(x) + " " + fmt(mid) + " h14\" class=\"open\"/><path d=\"M" + fmt(x + 14)
                    + " " + fmt(mid - 5) + " l6 5 l-6 5 z\" class=\"open-head\"/></g>";
        }
        if (q.upperBound()) {
            return "<g class=\"capped\"><path d=\"M" + fmt(x + 2) + " " + fmt(y - 4) + " v" + fmt(h + 8) + "\" class=\"open\"/><path d=\"M"
                    + fmt(x - 2) + " " + fmt(mid - 4) + " l-6 4 l6 4 z\" class=\"cap-head\"/></g>";
        }
        if (q == Qualifier.ABOUT) {
            return "<rect class=\"approx\" x=\"" + fmt(x - 6) + "\" y=\"" + fmt(y - 3) + "\" width=\"12\" height=\"" + fmt(h + 6) + "\"/>";
        }
        return "";
    }

    /** Returns a small mark for a figure shown alone (a card): a tick at the value with its qualifier's mark. */
    static String cardMark(Qualifier q) {
        String mark = qualifierMark(q, 40, 6, 12);
        if (mark.isEmpty()) return null;
        return "<svg class=\"fig-mark\" viewBox=\"0 0 66 24\" width=\"88\" height=\"32\" aria-hidden=\"true\" focusable=\"false\">"
                + "<rect class=\"bar\" x=\"4\" y=\"6\" width=\"36\" height=\"12\"/>" + mark + "</svg>";
    }

    /** Returns a round step for an axis reaching {@code max}: 1, 2 or 5 times a power of ten, in at most 5 steps. */
    static double niceStep(double max) {
        double p = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[] {0.1, 0.2, 0.5, 1, 2, 5, 10}) {
            if (max / (m * p) <= 5) return m * p;
        }
        return 10 * p;
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.1f", x);
    }
}
