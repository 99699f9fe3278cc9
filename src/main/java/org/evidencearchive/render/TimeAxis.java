package org.evidencearchive.render;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.evidencearchive.content.PartialDate;

/**
 * The timeline's axis, drawn to scale: a year has the same width everywhere on it, except where a long stretch
 * in which nothing is placed is left out (a break, marked on the axis). Positions are percentages of the width,
 * so that the inline SVGs need no style attribute (the CSP allows none) and scale with the page.
 */
final class TimeAxis {
    /** Years with nothing placed in them, at least this many, are left out of the axis. */
    static final int BREAK_AFTER_YEARS = 6;
    /** The width of a break, in percent of the axis. */
    static final double BREAK_WIDTH = 4;

    /**
     * A stretch of time in years (2016.0 is the first instant of 2016, 2017.0 the end of 2016); either end null
     * when it is open (the sources only bound it on one side).
     */
    record Span(Double from, Double to) {
        /** The span from the start of {@code earliest} to the end of {@code latest} (each at its precision). */
        static Span of(PartialDate earliest, PartialDate latest) {
            return new Span(earliest == null ? null : start(earliest), latest == null ? null : end(latest));
        }
    }

    /** A stretch of the axis drawn at the common scale, from year {@code from} to year {@code to} (exclusive). */
    record Segment(int from, int to, double x) {}

    private final List<Segment> segments;
    private final double perYear;

    private TimeAxis(List<Segment> segments, double perYear) {
        this.segments = segments;
        this.perYear = perYear;
    }

    /** The first instant of a partial date, in years. */
    static double start(PartialDate d) {
        LocalDate day = switch (d.value().length()) {
            case 4 -> LocalDate.of(d.year(), 1, 1);
            case 7 -> LocalDate.parse(d.value() + "-01");
            default -> LocalDate.parse(d.value());
        };
        return fraction(day);
    }

    /** The instant after the last day of a partial date, in years. */
    static double end(PartialDate d) {
        LocalDate day = switch (d.value().length()) {
            case 4 -> LocalDate.of(d.year() + 1, 1, 1);
            case 7 -> LocalDate.parse(d.value() + "-01").plusMonths(1);
            default -> LocalDate.parse(d.value()).plusDays(1);
        };
        return fraction(day);
    }

    private static double fraction(LocalDate day) {
        return day.getYear() + (day.getDayOfYear() - 1) / (double) day.lengthOfYear();
    }

    /**
     * Returns an axis holding every span: whole years around their known ends, a year more beyond an open end,
     * and a break wherever {@link #BREAK_AFTER_YEARS} or more years hold nothing. Null when no span has a known end.
     */
    static TimeAxis of(List<Span> spans) {
        record Years(int from, int to) {}
        List<Years> held = new ArrayList<>();
        for (Span s : spans) {
            if (s.from() == null && s.to() == null) continue;
            int from = s.from() != null ? (int) Math.floor(s.from()) : (int) Math.ceil(s.to()) - 2;
            int to = s.to() != null ? (int) Math.ceil(s.to()) : (int) Math.floor(s.from()) + 2;
            held.add(new Years(from, Math.max(to, from + 1)));
        }
        if (held.isEmpty()) return null;
        held.sort(Comparator.comparingInt(Years::from));
        List<int[]> runs = new ArrayList<>();
        for (Years y : held) {
            int[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && y.from() - last[1] < BREAK_AFTER_YEARS) last[1] = Math.max(last[1], y.to());
            else runs.add(new int[] {y.from(), y.to()});
        }
        int years = runs.stream().mapToInt(r -> r[1] - r[0]).sum();
        double perYear = (100 - BREAK_WIDTH * (runs.size() - 1)) / years;
        List<Segment> segments = new ArrayList<>();
        double x = 0;
        for (int[] r : runs) {
            segments.add(new Segment(r[0], r[1], x));
            x += (r[1] - r[0]) * perYear + BREAK_WIDTH;
        }
        return new TimeAxis(segments, perYear);
    }

    /** The percentage of the width of each year (the scale). */
    double perYear() {
        return perYear;
    }

    List<Segment> segments() {
        return segments;
    }

    /** The position of an instant, in percent: on its segment, or at the edge of the nearest one. */
    double x(double t) {
        Segment best = segmentOf(t);
        double clamped = Math.max(best.from(), Math.min(best.to(), t));
        return best.x() + (clamped - best.from()) * perYear;
    }

    /** The segment an instant is drawn on (the last one starting at or before it). */
    private Segment segmentOf(double t) {
        Segment best = segments.get(0);
        for (Segment s : segments) {
            if (t >= s.from()) best = s;
        }
        return best;
    }

    /** Years labelled on the axis: every one when there are few, else every fifth or tenth. */
    private int step() {
        int years = segments.stream().mapToInt(s -> s.to() - s.from()).sum();
        return years <= 14 ? 1 : years <= 40 ? 5 : 10;
    }

    /** The left and right of a span in percent: an open end runs to the edge of the segment its known end is on. */
    double[] extent(Span s) {
        double from;
        double to;
        if (s.from() != null && s.to() != null) {
            from = x(s.from());
            to = x(s.to());
        } else if (s.from() != null) {
            Segment seg = segmentOf(s.from());
            from = x(s.from());
            to = seg.x() + (seg.to() - seg.from()) * perYear;
        } else {
            Segment seg = segmentOf(Math.nextDown(s.to()));
            from = seg.x();
            to = x(s.to());
        }
        return new double[] {from, Math.max(to, from + 0.6)};
    }

    /** The axis: a line per segment, a tick at each labelled year and its label, and a mark at each break. */
    String axisSvg() {
        StringBuilder svg = new StringBuilder("<svg class=\"tl-axis\" width=\"100%\" height=\"30\" aria-hidden=\"true\" focusable=\"false\">");
        int step = step();
        for (int k = 0; k < segments.size(); k++) {
            Segment s = segments.get(k);
            double end = s.x() + (s.to() - s.from()) * perYear;
            svg.append("<line class=\"tl-axis-line\" x1=\"").append(pc(s.x())).append("\" x2=\"").append(pc(end))
                    .append("\" y1=\"24\" y2=\"24\"/>");
            for (int y = s.from(); y <= s.to(); y++) {
                double at = s.x() + (y - s.from()) * perYear;
                svg.append("<line class=\"tl-tick\" x1=\"").append(pc(at)).append("\" x2=\"").append(pc(at))
                        .append("\" y1=\"19\" y2=\"29\"/>");
                if (step == 1 && y < s.to()) {
                    svg.append("<text x=\"").append(pc(at + perYear / 2)).append("\" y=\"14\" text-anchor=\"middle\">")
                            .append(y).append("</text>");
                } else if (step > 1 && y % step == 0) {
                    String anchor = y == s.from() ? "start" : y == s.to() ? "end" : "middle";
                    svg.append("<text x=\"").append(pc(at)).append("\" y=\"14\" text-anchor=\"").append(anchor)
                            .append("\">").append(y).append("</text>");
                }
            }
            if (k + 1 < segments.size()) {
                svg.append("<text class=\"tl-break\" x=\"").append(pc(end + BREAK_WIDTH / 2))
                        .append("\" y=\"29\" text-anchor=\"middle\">≈</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    /** One entry's track: faint year lines and the span as a bar, an arrow at each open end; dashed when inferred. */
    String trackSvg(Span s, boolean inferred) {
        StringBuilder svg = new StringBuilder("<svg class=\"tl-track\" width=\"100%\" height=\"16\" aria-hidden=\"true\" focusable=\"false\">");
        for (Segment seg : segments) {
            for (int y = seg.from(); y <= seg.to(); y++) {
                String at = pc(seg.x() + (y - seg.from()) * perYear);
                svg.append("<line class=\"tl-grid\" x1=\"").append(at).append("\" x2=\"").append(at).append("\" y1=\"0\" y2=\"16\"/>");
            }
        }
        double[] e = extent(s);
        svg.append("<rect class=\"tl-bar").append(inferred ? " tl-inferred" : "").append("\" x=\"").append(pc(e[0]))
                .append("\" y=\"3\" width=\"").append(pc(e[1] - e[0])).append("\" height=\"10\" rx=\"2\"/>");
        if (s.from() == null) {
            svg.append("<svg x=\"").append(pc(e[0])).append("\" width=\"10\" height=\"16\"><path class=\"tl-open\" d=\"M0 8 L9 1 V15 Z\"/></svg>");
        }
        if (s.to() == null) {
            svg.append("<svg x=\"").append(pc(e[1])).append("\" width=\"1\" height=\"16\" overflow=\"visible\">")
                    .append("<path class=\"tl-open\" d=\"M0 8 L-9 1 V15 Z\"/></svg>");
        }
        return svg.append("</svg>").toString();
    }

    private static String pc(double x) {
        return String.format(Locale.ROOT, "%.2f%%", x);
    }
}
