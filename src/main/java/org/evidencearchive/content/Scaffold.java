package org.evidencearchive.content;

import java.util.Map;

import org.evidencearchive.check.Diagnostics;

/**
 * Starting files for {@code archive new}: front matter with a comment on every field, and the placeholders they
 * hold, each an error (with what to write instead) until the editor replaces it.
 */
public final class Scaffold {
    private Scaffold() {}

    /** Each placeholder value the scaffolds write (commented-out examples too), with what to write instead. */
    private static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("A short descriptive title", "the text's headline, or a short descriptive title of ours"),
            Map.entry("...", "what the text gives, or delete the line"),
            Map.entry("https://...", "the original URL, or delete the line when it is unknown"),
            Map.entry("Name", "a name the text gives as its byline, or delete the line"),
            Map.entry("The text reports figures \"in 2018\" as published.", "what in the text the date is inferred from"),
            Map.entry("How the text reached the archive.", "how the text reached the archive, or delete the line"),
            Map.entry("Title of the commentary", "the commentary's title"),
            Map.entry("One sentence for listings and search results.", "one sentence of ours summing up the commentary"),
            Map.entry("One statement in our words, attributed (e.g. \"X says ...\").", "the claim: one statement in our words, attributed"),
            Map.entry("exact words of the source", "the exact words of the archived text"),
            Map.entry("Topic title", "the topic's title"),
            Map.entry("One sentence.", "one sentence of ours about the topic"),
            Map.entry("Full Name", "the name as the sources give it"),
            Map.entry("Mr Name", "a string that names them in a source text, or delete it"),
            Map.entry("MP for Somewhere", "the role in the source's own words"),
            Map.entry("exact words naming the role", "the exact words of the archived text that give the role"));

    /** Placeholder ids, written where an id of another item goes. */
    private static final Map<String, String> IDS = Map.of(
            "replace-with-a-topic-id", "the id of a topic (content/topics/)",
            "replace-with-a-source-id", "the id of a source (content/sources/)",
            "other-topic-id", "the id of a topic (content/topics/)",
            "person-id", "the id of a person or organisation (content/people/)",
            "source-id", "the id of a source (content/sources/)",
            "other-claim-id", "the id of a claim (content/claims/)");

    /** The placeholder sentences of the scaffolds' Markdown bodies, with what to write instead. */
    private static final Map<String, String> SENTENCES = Map.of(
            "Optional note of ours about the source.", "a note of ours about the source, or delete the line",
            "Neutral prose in our words. Cite every factual statement:", "the commentary: neutral prose in our words",
            "the report says so [@replace-with-a-source-id \"exact words of the source\"].",
            "a statement of ours citing the exact words of a source, [@source-id \"quote\"]",
            "A curated introduction: neutral, in our words, every statement cited (see content/README.md, \"Citations\").",
            "the topic's introduction, neutral and cited, or delete the line");

    /**
     * Returns how to replace a front-matter value that is one of the scaffolds' placeholders, or null when it is
     * not one ({@link #SHA256_PLACEHOLDER} is left to the source's checksum check, which knows the text).
     */
    public static String placeholderHint(String value) {
        String what = VALUES.get(value);
        if (what == null) what = IDS.get(value);
        if (what == null && value.startsWith("replace-with-") && !value.equals(SHA256_PLACEHOLDER)) what = "a real value";
        return what == null ? null : "replace the placeholder with " + what;
    }

    /**
     * Reports every placeholder sentence left in a body (at its line and column), and returns the body with
     * each one blanked out (lines and columns kept), so that nothing of it is linked, cited or rendered.
     */
    public static Body withoutPlaceholders(Body body, Diagnostics diagnostics) {
        String md = body.markdown();
        if (md.isBlank()) return body;
        char[] out = null;
        for (var e : SENTENCES.entrySet()) {
            for (int at = md.indexOf(e.getKey()); at >= 0; at = md.indexOf(e.getKey(), at + 1)) {
                int lineStart = md.lastIndexOf('\n', at - 1) + 1;
                int line = body.origin().line() + (int) md.substring(0, at).chars().filter(c -> c == '\n').count();
                diagnostics.error(body.origin().file(), line, md.codePointCount(lineStart, at) + 1,
                        "placeholder text left in the body: '" + e.getKey() + "'", "replace the placeholder with " + e.getValue());
                if (out == null) out = md.toCharArray();
                java.util.Arrays.fill(out, at, at + e.getKey().length(), ' ');
            }
        }
        return out == null ? body : new Body(new String(out), body.origin());
    }

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
                : "sha256: " + SHA256_PLACEHOLDER + "  # run: sha256sum content/sources/" + id + ".txt and paste the checksum here";
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
                    kind: statistic                   # statistic | position | report | event | fact
                    # date: "2019"                    # when what the claim states happened
                    topics: [replace-with-a-topic-id]
                    # by: [person-id]                 # who holds the position or gives the figure
                    # figure:                         # for statistics
                    #   value: 170                    # must occur in a quote (170, 1,100, £12,000, 27%%, fifteen)
                    #   qualifier: exact              # exact | about | more-than | less-than | almost | at-least | up-to | record, as the quote says
                    #   unit: deaths
                    #   measure: drug-related-deaths-glasgow  # an id from content/measures.yaml
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
