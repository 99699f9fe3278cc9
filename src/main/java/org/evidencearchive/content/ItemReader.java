package org.evidencearchive.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.evidencearchive.check.Diagnostics;

/** Makes each kind of item from a content file's fields, reporting every problem at its line and column. */
final class ItemReader {
    private final ContentParser parser;
    private final Path root;
    private final Diagnostics diagnostics;
    private final ContentTree tree;
    /** The ids of the sources whose texts are published (in the fixity ledger). */
    private final Set<String> publishedTexts;

    ItemReader(ContentParser parser, Path root, Diagnostics diagnostics, ContentTree tree, Set<String> publishedTexts) {
        this.parser = parser;
        this.root = root;
        this.diagnostics = diagnostics;
        this.tree = tree;
        this.publishedTexts = publishedTexts;
    }

    private String display(Path p) {
        return parser.display(p);
    }

    Source source(ContentParser.FileFields ff) {
        Fields f = ff.fields();
        String id = f.id("id", true);
        String title = f.text("title", true, "the headline, or a short descriptive title of ours");
        String headline = f.text("headline", false, null);
        List<String> authors = f.texts("authors", false, "the names in the text's byline");
        String outlet = f.text("outlet", false, null);
        PartialDate published = f.date("published", false);
        InferredDate inferred = inferredDate(f.map("date_inferred", false, "earliest/latest/basis"));
        String url = f.text("url", false, null);
        if (url != null && !url.matches("https?://\\S+")) {
            f.error("url", "url must be an absolute http(s) URL, not '" + url + "'", "omit the field when the URL is unknown");
        }
        String textName = f.text("text", true, "the archived text file, e.g. my-source.txt beside this file");
        String sha = f.text("sha256", true, "run: sha256sum FILE.txt");
        Integer preamble = f.integer("preamble", 0, 20);
        List<Ref> topics = f.refs("topics", true, "one or more topic ids");
        String provenance = f.text("provenance", false, null);
        List<Source.Correction> corrections = new ArrayList<>();
        for (Fields c : f.maps("corrections", false, "date, what, why, previous_sha256, previous_text")) {
            Source.Correction correction = correction(ff, c, textName);
            if (correction != null) corrections.add(correction);
        }
        List<String> anchors = f.texts("anchors", false, "the paragraphs' anchors in order, e.g. [p1, p2, p2a, p3]");
        List<Alias> aliases = aliases(f);
        boolean textPublished = published(id, aliases);
        if (sha != null && !SHA256.matcher(sha).matches() && !textPublished) {
            String textPath = textName == null ? "FILE.txt" : display(ff.file().path().getParent().resolve(textName).normalize());
            f.error("sha256", sha.equals(Scaffold.SHA256_PLACEHOLDER)
                            ? "field 'sha256' still holds the placeholder: the checksum of " + (textName == null ? "the text" : textName)
                            + " is not recorded" : "field 'sha256' is not a SHA-256 checksum: '" + sha + "'",
                    "run: sha256sum " + textPath + " and paste the checksum here (next time, ./archive new source ID --text FILE"
                            + " copies the text in and fills it in)");
        }
        if (id == null || title == null || textName == null || sha == null) return null;

        Path textFile = ff.file().path().getParent().resolve(textName).normalize();
        if (!textFile.startsWith(root) || !Files.isRegularFile(textFile)) {
            f.error("text", "archived text '" + textName + "' not found", "put the .txt file beside " + ff.file().path().getFileName());
            return null;
        }
        byte[] bytes = read(f, "text", textFile, textName);
        if (bytes == null) return null;
        Optional<String> raw = ContentFile.decode(bytes, display(textFile), diagnostics);
        if (raw.isEmpty()) return null;
        String actual = ContentParser.sha256(bytes);
        if (!actual.equalsIgnoreCase(sha)) checksumMismatch(f, textPublished, textName, display(textFile), sha, actual);
        versionChecks(f, corrections, actual);
        ArchivedText text = ArchivedText.split(raw.get(), preamble == null ? 0 : preamble);
        if (!anchors.isEmpty()) {
            if (anchors.size() != text.paragraphs().size()) {
                f.error("anchors", "'anchors' lists " + anchors.size() + " anchors but the text has "
                        + text.paragraphs().size() + " paragraphs", "one anchor per paragraph, in order; never renumber published ones");
            } else if (anchors.stream().anyMatch(a -> !a.matches("p\\d+[a-z]?")) || new java.util.HashSet<>(anchors).size() != anchors.size()) {
                f.error("anchors", "anchors must be distinct and look like p4 or p4a", null);
            } else {
                text = text.withAnchors(anchors);
            }
        }
        if (!corrections.isEmpty()) {
            AnchorsKept.check(f, text, corrections, preamble == null ? 0 : preamble, !anchors.isEmpty(), this::earlierText);
        }
        if (text.paragraphs().isEmpty()) {
            f.error("text", "archived text '" + textName + "' has no paragraphs", null);
        }
        String normalizedRaw = raw.get().replaceAll("\\s+", " ");
        if (headline != null && text.preamble().stream().noneMatch(b -> b.replaceAll("\\s+", " ").contains(headline))) {
            f.error("headline", "headline does not occur in the preamble of the archived text",
                    "set 'preamble' to the number of blocks before the first paragraph, or omit 'headline'");
        }
        for (String a : authors) {
            if (!normalizedRaw.contains(a)) {
                f.error("authors", "author '" + a + "' does not occur in the archived text",
                        "record only names the text gives as its byline");
            }
        }
        return new Source(id, f.origin("id"), title, headline, List.copyOf(authors), outlet, published, inferred, url,
                textFile, actual, topics, provenance, ff.body(), text, List.copyOf(corrections), aliases);
    }

    /**
     * Reads one correction: its day, what and why, and the earlier text it keeps ({@code previous_text}, a file
     * beside the source whose SHA-256 must be {@code previous_sha256}, so that the earlier wording stays checkable).
     */
    private Source.Correction correction(ContentParser.FileFields ff, Fields c, String textName) {
        PartialDate date = c.date("date", true);
        if (date != null && date.value().length() != 10) {
            c.error("date", "a correction's date must be a day (YYYY-MM-DD), not '" + date.value() + "'",
                    "write the day the correction was made, e.g. \"2026-01-05\": it dates the version it made");
        }
        String what = c.text("what", true, "what changed in the archived text");
        String why = c.text("why", true, "why it was corrected");
        String previous = c.text("previous_sha256", true, "the sha256 the text had before this correction");
        String text = textName == null ? "my-source.txt" : textName;
        String earlier = text.replaceFirst("(\\.txt)?$", ".v1.txt");
        String dir = display(ff.file().path().getParent());
        String previousName = c.text("previous_text", true, "name the file that keeps the text as it was before this correction,"
                + " e.g. previous_text: " + earlier + " (git show HEAD:" + dir + "/" + text + " > " + dir + "/" + earlier
                + ", from the last commit before the text was edited)");
        c.finish();
        if (previous != null && !SHA256.matcher(previous).matches()) {
            c.error("previous_sha256", "previous_sha256 is not a SHA-256 checksum: '" + previous + "'",
                    "the 64 hexadecimal digits the text had before this correction (site-config/fixity.txt has the first one)");
            previous = null;
        }
        Path previousFile = previousName == null ? null : previousText(ff, c, previousName, previous);
        if (previous == null) return null;
        // A correction with an error above is kept (the build stops on the error) so that the checksum it names
        // still counts as recorded: its other problems are not reported again as an unrecorded change.
        return new Source.Correction(date == null ? new PartialDate("0000-01-01") : date, what == null ? "" : what,
                why == null ? "" : why, previous.toLowerCase(java.util.Locale.ROOT),
                previousFile != null ? previousFile : ff.file().path().getParent().resolve(previousName == null ? "" : previousName).normalize());
    }

    /** Returns a correction's earlier text when it is there and has the checksum named ({@code null} after reporting it). */
    private Path previousText(ContentParser.FileFields ff, Fields c, String name, String sha) {
        Path file = ff.file().path().getParent().resolve(name).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            c.error("previous_text", "the earlier text '" + name + "' is not there",
                    "keep the text as it was before this correction in " + name + " beside " + ff.file().path().getFileName()
                            + " (git show it from the commit before the correction): a superseded text is never discarded");
            return null;
        }
        byte[] bytes = read(c, "previous_text", file, name);
        if (bytes == null) return null;
        String actual = ContentParser.sha256(bytes);
        if (sha != null && !actual.equalsIgnoreCase(sha)) {
            c.error("previous_text", "the earlier text '" + name + "' does not have the checksum previous_sha256 names ("
                            + sha.substring(0, 12) + "…; the file's is " + actual.substring(0, 12) + "…)",
                    "restore " + display(file) + " as it was before the correction (git log -- " + display(file)
                            + "), or correct previous_sha256 if it names the wrong text");
            return null;
        }
        return file;
    }

    /** The text a correction keeps as it was before it, or empty when it cannot be read (reported at the correction). */
    private Optional<String> earlierText(Path file) {
        try {
            return ContentFile.decode(tree.read(file), display(file), new Diagnostics());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Reads a file of the content (never through a link out of it), or reports why not, at the field naming it, and returns null. */
    private byte[] read(Fields f, String key, Path file, String name) {
        try {
            return tree.read(file);
        } catch (ContentTree.OutsideException e) {
            parser.linkOutside(e.link(), diagnostics);
            return null;
        } catch (IOException e) {
            f.error(key, "cannot read '" + name + "': " + e.getMessage(), null);
            return null;
        }
    }

    /** An alias that keeps a source's text URL: its page, or its text.txt. */
    private static final java.util.regex.Pattern SOURCE_ALIAS = java.util.regex.Pattern.compile("/sources/([a-z0-9-]+)/(text\\.txt)?");

    /**
     * Returns whether a source's text is published: its id is in the fixity ledger, or (renamed) an alias of it
     * keeps the text URL of an id that is.
     */
    private boolean published(String id, List<Alias> aliases) {
        if (id != null && publishedTexts.contains(id)) return true;
        for (Alias a : aliases) {
            var m = SOURCE_ALIAS.matcher(a.path());
            if (m.matches() && publishedTexts.contains(m.group(1))) return true;
        }
        return false;
    }

    /** Reports corrections that name the current text, or the same earlier text twice: each version is one text. */
    private static void versionChecks(Fields f, List<Source.Correction> corrections, String current) {
        Set<String> seen = new java.util.HashSet<>();
        for (Source.Correction c : corrections) {
            if (c.previousSha256().equals(current)) {
                f.error("corrections", "a correction of " + c.date() + " names the current text as the earlier one"
                        + " (previous_sha256 is the text's own checksum)", "previous_sha256 is the checksum the text had before the correction");
            } else if (!seen.add(c.previousSha256())) {
                f.error("corrections", "two corrections name the same earlier text (" + c.previousSha256().substring(0, 12) + "…)",
                        "each correction names the text as it was just before it");
            }
        }
    }

    /** 64 hexadecimal digits: what a SHA-256 checksum looks like. */
    private static final java.util.regex.Pattern SHA256 = java.util.regex.Pattern.compile("[0-9a-fA-F]{64}");

    /**
     * Reports a source whose {@code sha256} is not its text's checksum. The new checksum is shown only for a text
     * never published: a published text is restored or corrected, never given a new checksum silently. (A value
     * that is no checksum at all, of a text never published, was reported with the command that computes it.)
     */
    private void checksumMismatch(Fields f, boolean published, String textName, String textPath, String sha, String actual) {
        if (published) {
            f.error("sha256", "archived text " + textName + " does not match its recorded SHA-256, and it is published"
                    + " (site-config/fixity.txt)", "a published text is never edited: restore it as captured (git checkout -- "
                    + textPath + "); if the capture itself was wrong, record a correction (content/README.md, \"Corrections\")");
        } else if (SHA256.matcher(sha).matches()) {
            f.error("sha256", "archived text " + textName + " does not match its recorded SHA-256 (it is now " + actual + ")",
                    "the text is not published yet: if it is exactly as captured, set sha256 to the new checksum;"
                            + " archived texts are never edited");
        }
    }

    private InferredDate inferredDate(Fields f) {
        if (f == null) return null;
        PartialDate earliest = f.date("earliest", false);
        PartialDate latest = f.date("latest", false);
        String basis = f.text("basis", true, "say what in the text the date is inferred from");
        f.finish();
        if (earliest == null && latest == null) {
            f.error("earliest", "date_inferred needs 'earliest', 'latest' or both", null);
            return null;
        }
        if (earliest != null && latest != null && earliest.compareTo(latest) > 0) {
            f.error("latest", "'latest' is before 'earliest'", null);
        }
        return basis == null ? null : new InferredDate(earliest, latest, basis);
    }

    Commentary commentary(ContentParser.FileFields ff) {
        Fields f = ff.fields();
        String id = f.id("id", true);
        String title = f.text("title", true, null);
        String summary = f.text("summary", true, "one sentence for listings and search results");
        List<Ref> about = f.refs("about", true, "the ids of the sources this commentary is about");
        List<Ref> topics = f.refs("topics", true, "one or more topic ids");
        List<Alias> aliases = aliases(f);
        if (id == null || title == null || summary == null) return null;
        return new Commentary(id, f.origin("id"), title, summary, about, topics, ff.body(), aliases);
    }

    Topic topic(ContentParser.FileFields ff) {
        Fields f = ff.fields();
        String id = f.id("id", true);
        String title = f.text("title", true, null);
        String summary = f.text("summary", true, "one sentence");
        List<Ref> related = f.refs("related", false, "other topic ids");
        List<Alias> aliases = aliases(f);
        if (id == null || title == null || summary == null) return null;
        return new Topic(id, f.origin("id"), title, summary, related, ff.body(), aliases);
    }

    Person person(ContentParser.FileFields ff) {
        Fields f = ff.fields();
        String id = f.id("id", true);
        String name = f.text("name", true, null);
        String kindWord = f.text("kind", true, "person or organisation");
        Person.PersonKind kind = f.kind(Person.PersonKind.values(), kindWord, "kind must be 'person' or 'organisation', not '" + kindWord + "'");
        List<Person.Role> roles = new ArrayList<>();
        for (Fields r : f.maps("roles", false, "role, source, quote")) {
            String role = r.text("role", true, "the role as the source states it");
            CitationRef cite = citation(r);
            r.finish();
            if (role != null && cite != null) roles.add(new Person.Role(role, cite, r.origin("role")));
        }
        List<String> mentions = f.texts("mentions", false, "exact strings that name them in source texts");
        List<Alias> aliases = aliases(f);
        if (id == null || name == null || kind == null) return null;
        return new Person(id, f.origin("id"), name, kind, List.copyOf(roles), List.copyOf(mentions), ff.body(), aliases);
    }

    private CitationRef citation(Fields c) {
        String source = c.id("source", true);
        String paragraph = c.text("paragraph", false, null);
        if (paragraph != null && !paragraph.matches("p\\d+[a-z]?")) {
            c.error("paragraph", "paragraph must be an anchor like 'p4', not '" + paragraph + "'",
                    "write the anchor the source page shows, e.g. paragraph: p" + paragraph.replaceAll("\\D", "").replaceFirst("^$", "4"));
            paragraph = null;
        }
        String quote = c.text("quote", true, "the exact words of the source");
        if (source == null || quote == null) return null;
        CitationRef ref = new CitationRef(source, paragraph, quote, c.origin("quote"), c.origin("source"),
                paragraph == null ? c.origin("quote") : c.origin("paragraph"));
        parser.cited.add(ref);
        return ref;
    }

    Claim claim(ContentParser.FileFields ff) {
        Fields f = ff.fields();
        String id = f.id("id", true);
        String statement = f.text("statement", true, "one statement in our words, attributed");
        String kindWord = f.text("kind", true, String.join(" | ", Claim.KINDS));
        Claim.ClaimKind kind = f.kind(Claim.ClaimKind.values(), kindWord, "unknown claim kind '" + kindWord + "'");
        PartialDate date = f.date("date", false);
        List<Ref> topics = f.refs("topics", true, "one or more topic ids");
        List<Ref> by = f.refs("by", false, "people or organisation ids");
        Claim.Figure figure = null;
        Fields fig = f.map("figure", false, "value, qualifier, unit, measure, period, period_text");
        if (fig != null) {
            var value = fig.number("value", true, Claim.Figure.MAX_VALUE,
                    "a figure is a count, amount or rate as the source gives it; for very large numbers use a larger"
                            + " unit, e.g. value: 13.6 with unit: billion pounds");
            Qualifier qualifier = FigureFields.qualifier(fig);
            String unit = fig.text("unit", true, "what is counted, e.g. deaths");
            String measure = fig.text("measure", true, "the id of what the number measures, from content/measures.yaml, e.g. drug-deaths-glasgow");
            PartialDate period = fig.date("period", false);
            String periodText = fig.text("period_text", false, "the source's own words for the period, e.g. 2017-18 or last year");
            fig.finish();
            if (value != null && unit != null && measure != null && qualifier != null) {
                figure = new Claim.Figure(value, qualifier, unit, measure, period, periodText, fig.origin("value"),
                        fig.origin(fig.has("qualifier") ? "qualifier" : "value"),
                        fig.origin(fig.has("period_text") ? "period_text" : fig.has("period") ? "period" : "value"), fig.origin("measure"));
            }
        }
        List<CitationRef> citations = new ArrayList<>();
        List<Fields> cites = f.maps("citations", true, "each with source, quote and optionally paragraph");
        for (Fields c : cites) {
            CitationRef ref = citation(c);
            c.finish();
            if (ref != null) citations.add(ref);
        }
        List<Claim.Relation> relations = new ArrayList<>();
        for (Fields r : f.maps("relations", false, "e.g. '- disputes: other-claim-id'")) {
            if (r.keys().size() != 1) {
                r.error("", "each relation is one line: same-figure, disputes or responds-to, then a claim id", null);
                continue;
            }
            String type = r.keys().iterator().next();
            Claim.RelationType relationType = Worded.of(Claim.RelationType.values(), type).orElse(null);
            if (relationType == null) {
                r.error("", "unknown relation '" + type + "'",
                        org.evidencearchive.check.Suggestions.didYouMean(type, Claim.RELATIONS, "relations"));
                continue;
            }
            String target = r.id(type, true);
            if (target != null) relations.add(new Claim.Relation(relationType, new Ref(target, r.origin(type))));
        }
        List<Alias> aliases = aliases(f);
        if (id == null || statement == null || kind == null) return null;
        return new Claim(id, f.origin("id"), statement, kind, date, topics, by, figure, List.copyOf(citations),
                List.copyOf(relations), ff.body(), aliases, f.origin("statement"));
    }

    /** A site path that an old URL may have: no scheme, no "..", no encoded or doubled separators. */
    private static final java.util.regex.Pattern ALIAS = java.util.regex.Pattern.compile("/([A-Za-z0-9_~-][A-Za-z0-9_.~-]*/)*([A-Za-z0-9_~-][A-Za-z0-9_.~-]*)?");

    /** The longest part of an alias between slashes: a file or folder name of the site (ASCII, so bytes). */
    private static final int MAX_SEGMENT = 255;

    private List<Alias> aliases(Fields f) {
        List<Alias> out = new ArrayList<>();
        for (Ref r : f.textRefs("aliases", "old URLs of this item, e.g. [/sources/old-id/]")) {
            String a = r.id();
            if (!ALIAS.matcher(a).matches() || a.contains("/../") || a.endsWith("/..") || a.contains("/./")) {
                diagnostics.error(r.origin().file(), r.origin().line(), r.origin().column(), "invalid alias '" + a + "'",
                        (a.startsWith("/") || a.contains("://") ? "" : "start it with '/': /" + a.replaceFirst("/?$", "/") + "; ")
                                + "an alias is an old path of this site, e.g. /sources/old-id/ (no '..', no '%', no host)");
            } else if (java.util.Arrays.stream(a.split("/")).anyMatch(segment -> segment.length() > MAX_SEGMENT)) {
                diagnostics.error(r.origin().file(), r.origin().line(), r.origin().column(), "alias is too long: a part of '" + a.substring(0, 40)
                        + "…' between slashes has more than " + MAX_SEGMENT + " characters",
                        "an alias is made a file of the site, and file systems allow " + MAX_SEGMENT + " bytes per name");
            } else {
                out.add(new Alias(a, r.origin()));
            }
        }
        return List.copyOf(out);
    }
}
