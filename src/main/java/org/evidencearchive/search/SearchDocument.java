package org.evidencearchive.search;

import java.util.List;
import java.util.Objects;

/**
 * One searchable page of the archive: a source, commentary, claim, topic, person or organisation, or a place on a
 * page: a measure on the figures page.
 *
 * @param url the page URL (site-absolute, e.g. {@code /sources/x/})
 * @param type one of {@code source}, {@code commentary}, {@code claim}, {@code topic}, {@code person},
 *     {@code organisation} (a page of people/ whose kind is organisation), {@code measure} (what a set of figures
 *     counts, at its place on the figures page)
 * @param title the page title (weighted above body text)
 * @param topics topic ids used as filters
 * @param people names of people on the page (a separate, weighted field)
 * @param passages the page text, one entry per anchored paragraph
 * @param figures the figures the page gives (a claim's), offered when a query's number is near one
 */
public record SearchDocument(
        String url, String type, String title, List<String> topics, List<String> people, List<Passage> passages,
        List<Figure> figures) {

    /** A page without figures. */
    public SearchDocument(String url, String type, String title, List<String> topics, List<String> people,
                          List<Passage> passages) {
        this(url, type, title, topics, people, passages, List.of());
    }

    /** The five page types the archive has, with organisations apart from people, and measures. */
    public static final List<String> TYPES = java.util.stream.Stream.concat(
            org.evidencearchive.content.Kind.WORDS.stream(), java.util.stream.Stream.of("organisation", "measure")).toList();

    /** Validates the fields and takes immutable copies of the lists. */
    public SearchDocument {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown search document type: " + type + " (" + url + ")");
        }
        topics = List.copyOf(topics == null ? List.of() : topics);
        people = List.copyOf(people == null ? List.of() : people);
        passages = List.copyOf(passages == null ? List.of() : passages);
        figures = List.copyOf(figures == null ? List.of() : figures);
    }

    /**
     * A figure as a reader would recognise it.
     *
     * @param value the number
     * @param label the figure in words, with its qualifier, unit, measure and period ("more than 1,100 deaths: drug
     *     deaths in Scotland, 2018")
     */
    public record Figure(double value, String label) {
        /** Rejects a null label. */
        public Figure {
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * One paragraph of a page.
     *
     * @param anchor the fragment id of the paragraph, like {@code p4}, or {@code ""} for the page top
     * @param text the plain text of the paragraph
     */
    public record Passage(String anchor, String text) {
        /** Rejects null fields. */
        public Passage {
            Objects.requireNonNull(anchor, "anchor");
            Objects.requireNonNull(text, "text");
        }
    }
}
