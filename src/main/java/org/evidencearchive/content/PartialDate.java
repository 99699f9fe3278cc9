package org.evidencearchive.content;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Pattern;

/** A date known to the year, the month or the day, written YYYY, YYYY-MM or YYYY-MM-DD. */
public record PartialDate(String value) implements Comparable<PartialDate> {
    private static final Pattern SHAPE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"};

    /** Parses a partial date, or returns empty when the text is not a real date of one of the three shapes. */
    public static Optional<PartialDate> parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) return Optional.empty();
        try {
            switch (text.length()) {
                case 7 -> YearMonth.parse(text);
                case 10 -> LocalDate.parse(text);
                default -> { }
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.of(new PartialDate(text));
    }

    /** Returns the year. */
    public int year() {
        return Integer.parseInt(value.substring(0, 4));
    }

    /** Returns the date in words at its own precision, e.g. "March 2019". */
    public String display() {
        return switch (value.length()) {
            case 4 -> value;
            case 7 -> MONTHS[Integer.parseInt(value.substring(5, 7)) - 1] + " " + value.substring(0, 4);
            default -> Integer.parseInt(value.substring(8)) + " " + MONTHS[Integer.parseInt(value.substring(5, 7)) - 1]
                    + " " + value.substring(0, 4);
        };
    }

    @Override
    public int compareTo(PartialDate o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
