package org.evidencearchive.content;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An enum whose constants editors write as words ("same-figure", "organisation"): the word is what content files,
 * messages, templates and exports use, and what {@code toString} returns.
 */
public interface Worded {
    /** Returns the word editors write for this constant. */
    String word();

    /** Returns the constant a word names, if any. */
    static <E extends Worded> Optional<E> of(E[] values, String word) {
        return Arrays.stream(values).filter(v -> v.word().equals(word)).findFirst();
    }

    /** Returns the words of the constants, in their order. */
    static List<String> words(Worded[] values) {
        return Arrays.stream(values).map(Worded::word).toList();
    }
}
