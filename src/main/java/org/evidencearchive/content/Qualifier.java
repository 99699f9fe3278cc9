package org.evidencearchive.content;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a source's wording says about a number besides the number itself: "more than 1100" is a lower bound,
 * "almost £800,000" an upper one, "about 1,000" an approximation, "a record 1,187" a characterisation.
 * Recorded in a claim's {@code figure.qualifier} and shown wherever the number is shown.
 */
public enum Qualifier {
    EXACT("exact", ""),
    ABOUT("about", "about"),
    MORE_THAN("more-than", "more than"),
    LESS_THAN("less-than", "less than"),
    ALMOST("almost", "almost"),
    AT_LEAST("at-least", "at least"),
    UP_TO("up-to", "up to"),
    RECORD("record", "a record");

    private final String id;
    private final String words;

    Qualifier(String id, String words) {
        this.id = id;
        this.words = words;
    }

    /** Returns the id written in front matter, e.g. {@code more-than}. */
    public String id() {
        return id;
    }

    /** Returns the words shown before the number, e.g. "more than" (empty for exact). */
    public String words() {
        return words;
    }

    /** Returns a number with this qualifier's words before it: "more than 1,100". */
    public String before(String number) {
        return words.isEmpty() ? number : words + " " + number;
    }

    /** Returns whether the true value may be above the number (the bound is open upwards). */
    public boolean lowerBound() {
        return this == MORE_THAN || this == AT_LEAST;
    }

    /** Returns whether the true value may be below the number (the bound is open downwards). */
    public boolean upperBound() {
        return this == ALMOST || this == LESS_THAN || this == UP_TO;
    }

    /** Returns every id, for hints. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Qualifier::id).toList();
    }

    /** Returns the qualifier of an id. */
    public static Optional<Qualifier> of(String id) {
        return Arrays.stream(values()).filter(q -> q.id.equals(id)).findFirst();
    }
}
