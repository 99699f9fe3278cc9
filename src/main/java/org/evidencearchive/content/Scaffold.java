package org.evidencearchive.content;

/** Starting files for {@code archive new}: valid front matter with a comment on every field. */
public final class Scaffold {
    private Scaffold() {}

    /** The value a new source's {@code sha256} has until its checksum is filled in. */
    public static final String SHA256_PLACEHOLDER = "replace-with-output-of-sha256sum";

    /** Returns the text of a new item's file. */
    public static String file(Kind kind, String id) {
        return kind == Kind.SOURCE ? source(id, null) : other(kind, id);
    }

    /**
     * Returns the text of a new source's file; {@code sha256} is its archived text's checksum, or null when the
     * text is not there yet (the field then holds {@link #SHA256_PLACEHOLDER}).
     */
    public static String source(String id, String sha256) {
        String checksum = sha256 != null
                ? "sha256: " + sha256 + "  # computed by ./archive new from the text as copied in; never edit the text"
                : "sha256: " + SHA256_PLACEHOLDER + "  # run: sha256sum content/sources/" + id + ".txt"
                        + " (./archive new source " + id + " --text FILE fills it in)";
        return """
                ---
                id: %1$s                          # never change: it is the URL /sources/%1$s/
                title: A short descriptive title  # the headline if the text has one, otherwise our description
                # headline: ...                   # only if the text has a headline (it must occur in the text)
                # authors: [Name]                 # only names the text gives as its byline
                # outlet: ...                     # only when known; never guess
                # published: "2019-07-16"         # only when known (YYYY, YYYY-MM or YYYY-MM-DD)
                # date_inferred:                  # a date inferred from the text, always with its basis
                #   earliest: "2019"
                #   basis: The text reports figures "in 2018" as published.
                # url: https://...                # the original URL, only when known
                text: %1$s.txt                    # the archived text, byte for byte, beside this file
                %2$s
                # preamble: 2                     # leading blocks that are headline/byline, not paragraphs
                topics: [replace-with-a-topic-id] # one or more topic ids
                # provenance: How the text reached the archive.
                ---
                Optional note of ours about the source.
                """.formatted(id, checksum);
    }

    private static String other(Kind kind, String id) {
        return switch (kind) {
            case COMMENTARY -> """
                    ---
                    id: %1$s                          # never change: it is the URL /commentary/%1$s/
                    title: Title of the commentary
                    summary: One sentence for listings and search results.
                    about: [replace-with-a-source-id] # the sources this commentary is about
                    topics: [replace-with-a-topic-id]
                    ---
                    Neutral prose in our words. Cite every factual statement:
                    the report says so [@replace-with-a-source-id "exact words of the source"].
                    """.formatted(id);
            case CLAIM -> """
                    ---
                    id: %1$s                          # never change: it is the URL /claims/%1$s/
                    statement: One statement in our words, attributed (e.g. "X says ...").
                    kind: statistic                   # statistic | position | event | fact
                    # date: "2019"                    # when what the claim states happened
                    topics: [replace-with-a-topic-id]
                    # by: [person-id]                 # who holds the position or gives the figure
                    # figure:                         # for statistics
                    #   value: 170                    # must occur in a quote (170, 1,100, £12,000, 27%%, fifteen)
                    #   qualifier: exact              # exact | about | more-than | less-than | almost | at-least | up-to | record, as the quote says
                    #   unit: deaths
                    #   measure: drug-related deaths in Glasgow
                    #   period: "2017"                # when the source gives the year
                    #   period_text: last year        # the source's own words for the period, from a quote
                    citations:                        # one or more exact passages
                      - source: replace-with-a-source-id
                        # paragraph: p4               # pin when the quote occurs more than once
                        quote: exact words of the source
                    # relations:
                    #   - disputes: other-claim-id    # same-figure | disputes | responds-to
                    ---
                    """.formatted(id);
            case TOPIC -> """
                    ---
                    id: %1$s                          # never change: it is the URL /topics/%1$s/
                    title: Topic title
                    summary: One sentence.
                    # related: [other-topic-id]
                    ---
                    A curated introduction: neutral, in our words, every statement cited (see content/README.md, "Citations").
                    """.formatted(id);
            case PERSON -> """
                    ---
                    id: %1$s                          # never change: it is the URL /people/%1$s/
                    name: Full Name
                    kind: person                      # person | organisation
                    # roles:                          # as the sources state them, each cited
                    #   - role: MP for Somewhere        # the source's own words, found in the cited paragraph
                    #     source: source-id
                    #     quote: exact words naming the role
                    # mentions: [Full Name, Mr Name]  # exact strings naming them in source texts
                    ---
                    """.formatted(id);
            case SOURCE -> throw new IllegalArgumentException("a source is written by source(id, sha256)");
        };
    }
}
