package org.evidencearchive.evidence;

import java.math.BigDecimal;
import java.util.Locale;

import org.evidencearchive.content.Claim;
import org.evidencearchive.graph.Queries;

/** A figure in words, its qualifier always before its number: "more than 1,100 deaths — drug deaths in Scotland (2018)". */
public final class FigureText {
    private FigureText() {}

    /** Returns a number as people write it: 13,600; 27.5. */
    public static String number(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() <= 0) return String.format(Locale.UK, "%,d", s.toBigInteger());
        return s.toPlainString();
    }

    /** Returns the value with its qualifier: "more than 1,100". */
    public static String value(Claim.Figure f) {
        return f.qualifier().before(number(f.value()));
    }

    /** Returns the figure in full: qualified value, unit, measure and period. */
    public static String describe(Claim c, Queries archive) {
        Claim.Figure f = c.figure();
        return value(f) + " " + f.unit() + " — " + archive.corpus().measures().label(f.measure())
                + FigurePeriod.of(c, archive).map(p -> " (" + p.display() + ")").orElse("");
    }
}
