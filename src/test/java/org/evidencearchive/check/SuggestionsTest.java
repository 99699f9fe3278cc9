package org.evidencearchive.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** "Did you mean": a typo, or an id with a word left out; nothing for an unrelated word. */
class SuggestionsTest {
    private static final List<String> MEASURES = List.of("drug-deaths-scotland", "drug-related-deaths-glasgow",
            "problem-drug-users-glasgow", "middlesbrough-pilot-participants");

    @Test
    void aTypoOrAWordLeftOut() {
        assertEquals(Optional.of("drug-related-deaths-glasgow"), Suggestions.closest("drug-related-deaths-glasgw", MEASURES));
        assertEquals(Optional.of("drug-related-deaths-glasgow"), Suggestions.closest("drug-deaths-glasgow", MEASURES));
        assertEquals(Optional.of("middlesbrough-pilot-participants"), Suggestions.closest("middlesbrough-participants", MEASURES));
        assertEquals(Optional.empty(), Suggestions.closest("glasgow-deaths", MEASURES), "the words, but not in their order");
        assertEquals(Optional.empty(), Suggestions.closest("cocaine", MEASURES));
        assertEquals(Optional.empty(), Suggestions.closest("glasgow", MEASURES), "one word is not an id with a word left out");
    }
}
