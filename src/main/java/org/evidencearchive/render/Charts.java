package org.evidencearchive.render;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.evidencearchive.content.Qualifier;
import org.evidencearchive.evidence.FigureText;

/**
 * Charts drawn at build time as accessible SVG: a title and description, every mark a keyboard-reachable
 * link to its claim, and text large enough to read. No script is needed to see them.
 */
public final class Charts {
    private Charts() {}

    /**
     * One bar: a value with its source's qualifier, its label, and the claim it comes from. A lower bound ("more
     * than") is drawn with a dashed arrow beyond the bar's end, an upper bound ("almost", "up to") with a dashed
     * cap; every qualifier is written before the value.
     */
    public record Bar(BigDecimal value, Qualifier qualifier, String label, String url) {}

    private static String esc(String s) {
        return PageContext.escape(s).replace("'", "&#39;");
    }

    /** Returns a horizontal bar chart of values that measure one and the same thing; labels sit above their bars. */
    public static String bars(String id, String title, String description, String unit, List<Bar> bars) {
        int row = 50;
        // Room on the right for the longest value text ("more than 1,100", about 8.5 px a character at 14 px) and an open end.
        int longest = bars.stream().mapToInt(b -> b.qualifier().before(FigureText.number(b.value())).length()).max().orElse(0);
        int plot = Math.max(160, 388 - (int) Math.ceil(longest * 8.5));
        int height = row * bars.size() + 6;
        BigDecimal max = bars.stream().map(Bar::value).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        if (max.signum() <= 0) max = BigDecimal.ONE;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart bars\" viewBox=\"0 0 420 ").append(height)
                .append("\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\">")
                .append("<title id=\"").append(id).append("-title\">").append(esc(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-desc\">").append(esc(description)).append("</desc>");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = row * i;
            double w = Math.max(2, plot * b.value().doubleValue() / max.doubleValue());
            String label = b.label().length() > 50 ? b.label().substring(0, 48) + "…" : b.label();
            String shown = b.qualifier().before(FigureText.number(b.value()));
            String value = shown + " " + unit;
            svg.append("<a href=\"").append(esc(b.url())).append("\"><title>").append(esc(b.label() + ": " + value))
                    .append("</title><text x=\"0\" y=\"").append(y + 16).append("\" class=\"label\">").append(esc(label))
                    .append("</text><rect x=\"0\" y=\"").append(y + 22).append("\" width=\"")
                    .append(fmt(w)).append("\" height=\"20\" class=\"bar\"/>");
            double textX = w + 6;
            if (b.qualifier().lowerBound()) {
                // An open end: the value is above the bar's end by an unknown amount.
                svg.append("<path d=\"M").append(fmt(w)).append(' ').append(y + 32).append(" h14\" class=\"open\"/>")
                        .append("<path d=\"M").append(fmt(w + 14)).append(' ').append(y + 27).append(" l6 5 l-6 5 z\" class=\"open-head\"/>");
                textX = w + 26;
            } else if (b.qualifier().upperBound()) {
                // A dashed cap: the value is at most the bar's end.
                svg.append("<path d=\"M").append(fmt(w + 2)).append(' ').append(y + 18).append(" v28\" class=\"open\"/>");
                textX = w + 8;
            }
            svg.append("<text x=\"").append(fmt(textX)).append("\" y=\"")
                    .append(y + 37).append("\" class=\"value\">").append(esc(shown)).append("</text></a>");
        }
        return svg.append("</svg>").toString();
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.1f", x);
    }
}
