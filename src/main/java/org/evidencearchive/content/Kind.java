package org.evidencearchive.content;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The kinds of item, each with the word editors and URLs use for it and its plural (folder and URL section). */
public enum Kind implements Worded {
    SOURCE("source", "sources"),
    COMMENTARY("commentary", "commentary"),
    CLAIM("claim", "claims"),
    TOPIC("topic", "topics"),
    PERSON("person", "people");

    /** Every kind's word, in this order (sources first, people last). */
    public static final List<String> WORDS = Worded.words(values());

    /** Orders kinds by their words (claim, commentary, person, source, topic): the order lists of mixed kinds use. */
    public static final Comparator<Kind> BY_WORD = Comparator.comparing(Kind::word);

    private final String word;
    private final String section;

    Kind(String word, String section) {
        this.word = word;
        this.section = section;
    }

    /** Returns the lowercase word for the kind, e.g. "source". */
    @Override
    public String word() {
        return word;
    }

    /** Returns the plural word used for the kind's content folder and URL section, e.g. "sources". */
    public String section() {
        return section;
    }

    /** Returns the kind a word names, if any. */
    public static Optional<Kind> of(String word) {
        return Worded.of(values(), word);
    }

    /** The word: what templates, keys and messages show. */
    @Override
    public String toString() {
        return word;
    }
}
