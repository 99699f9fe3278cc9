package org.evidencearchive.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.evidencearchive.content.Claim;
import org.evidencearchive.content.Commentary;
import org.evidencearchive.content.Measures;
import org.evidencearchive.content.Person;
import org.evidencearchive.content.Ref;
import org.evidencearchive.content.Source;
import org.evidencearchive.content.Topic;
import org.evidencearchive.evidence.FigureText;
import org.evidencearchive.search.SearchDocument;
import org.evidencearchive.search.SearchOptions;
import org.evidencearchive.search.Vocabulary;
import org.evidencearchive.graph.Archive;
import org.evidencearchive.graph.Urls;
import org.evidencearchive.render.FigureLayout;

/**
 * What the search index is given: every source, commentary, claim, topic and person or organisation (its own type),
 * and every measure of the figures page, as passages.
 */
final class SearchDocuments {
    private SearchDocuments() {}

    /** Indexes the archive with the project's vocabulary (site-config/vocabulary.txt). */
    static org.evidencearchive.search.SearchExport index(Archive archive, Project project) {
        return inputs(archive, project).index();
    }

    /** Returns what the archive's index is made from: its documents, the options and the project's vocabulary. */
    static Inputs inputs(Archive archive, Project project) {
        return new Inputs(of(archive), SearchOptions.defaults(), org.evidencearchive.config.VocabularyFile.load(project.siteConfig()));
    }

    /** Everything an index is made from: the same inputs, indexed by the same tool, make the same files. */
    record Inputs(List<SearchDocument> docs, SearchOptions options, Vocabulary vocabulary) {
        /** Indexes the documents. */
        org.evidencearchive.search.SearchExport index() {
            return org.evidencearchive.search.SearchIndexer.build(docs, options, vocabulary);
        }

        /** Returns the digest of these inputs and the tool ({@link Fingerprint#tool()}) that would index them. */
        String key(String tool) {
            Fingerprint.Digest d = new Fingerprint.Digest().add("search index 1").add(tool).add(options.toString());
            for (Vocabulary.Group g : vocabulary.groups()) words(d.add(g.label()), g.names());
            for (SearchDocument doc : docs) {
                words(words(d.add(doc.url()).add(doc.type()).add(doc.title()), doc.topics()), doc.people());
                d.add(Integer.toString(doc.passages().size()));
                for (SearchDocument.Passage p : doc.passages()) d.add(p.anchor()).add(p.text());
                d.add(Integer.toString(doc.figures().size()));
                for (SearchDocument.Figure f : doc.figures()) d.add(Double.toString(f.value())).add(f.label());
            }
            return d.hex();
        }

        /** Adds a list of words: its size, then each word (so that no word can pass for the next field). */
        private static Fingerprint.Digest words(Fingerprint.Digest d, List<String> words) {
            d.add(Integer.toString(words.size()));
            words.forEach(d::add);
            return d;
        }
    }

    /** Returns one search document per page of the archive. */
    static List<SearchDocument> of(Archive archive) {
        List<SearchDocument> docs = new ArrayList<>();
        for (Source s : archive.sources()) {
            List<SearchDocument.Passage> passages = new ArrayList<>();
            s.text().paragraphs().forEach(p -> passages.add(new SearchDocument.Passage(p.anchor(), p.text())));
            List<String> people = archive.peopleMentionedIn(s).stream().map(Person::name).toList();
            docs.add(new SearchDocument(Urls.of(s), "source", s.title(), ids(s.topics()), people, passages));
        }
        for (Commentary c : archive.commentary()) {
            docs.add(new SearchDocument(Urls.of(c), "commentary", c.title(), ids(c.topics()), List.of(),
                    prose(c.summary(), archive.rich(c.body()).markdown())));
        }
        for (Claim c : archive.claims()) {
            List<SearchDocument.Passage> passages = new ArrayList<>(prose(c.statement(), archive.rich(c.body()).markdown()));
            archive.citations(c).forEach(rc -> passages.add(new SearchDocument.Passage("", rc.exact())));
            docs.add(new SearchDocument(Urls.of(c), "claim", c.statement(), ids(c.topics()),
                    archive.peopleOf(c.by()).stream().map(Person::name).toList(), passages, figures(c, archive)));
        }
        for (Topic t : archive.topics()) {
            docs.add(new SearchDocument(Urls.of(t), "topic", t.title(), List.of(t.id()), List.of(),
                    prose(t.summary(), archive.rich(t.body()).markdown())));
        }
        for (Person p : archive.people()) {
            List<SearchDocument.Passage> passages = new ArrayList<>();
            p.roles().forEach(r -> passages.add(new SearchDocument.Passage("", r.role())));
            passages.addAll(prose("", archive.rich(p.body()).markdown()));
            String type = p.personKind().word();
            docs.add(new SearchDocument(Urls.of(p), type, p.name(), List.of(), List.of(p.name()), passages));
        }
        for (FigureLayout.Placed placed : FigureLayout.placed(archive)) docs.add(measure(placed, archive));
        return docs;
    }

    /**
     * A measure, at its place on the figures page: its name; what it counts, where and how the sources define it;
     * and its figures in words ("more than 1,100 deaths (2018)"), so that "drug deaths in Scotland" finds the chart.
     */
    private static SearchDocument measure(FigureLayout.Placed placed, Archive archive) {
        FigureLayout.Measure m = placed.measure();
        List<SearchDocument.Passage> passages = new ArrayList<>();
        // its figures without the measure's name, which is the title ("more than 1,100 deaths (2018)")
        List<String> figures = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        for (Claim c : m.claims()) {
            figures.add(FigureText.value(c.figure()) + " " + c.figure().unit()
                    + org.evidencearchive.evidence.FigurePeriod.of(c, archive).map(p -> " (" + p.display() + ")").orElse(""));
            for (String t : ids(c.topics())) if (!topics.contains(t)) topics.add(t);
        }
        // what it counts, where, then its figures: "people who died from drugs (Scotland): more than 1,100 deaths (2018)"
        var defined = archive.corpus().measures().get(m.id());
        String counted = defined.map(d -> d.counted() + (d.area() == null ? "" : " (" + d.area() + ")") + ": ").orElse("");
        passages.add(new SearchDocument.Passage("", counted + String.join("; ", figures)));
        defined.map(Measures.Measure::definition).filter(d -> !d.isBlank())
                .ifPresent(d -> passages.add(new SearchDocument.Passage("", d)));
        return new SearchDocument(placed.url(), "measure", m.heading(), topics, List.of(), passages);
    }

    /** A claim's figure in words, as pages write it: "more than 1,100 deaths — drug deaths in Scotland (2018)". */
    private static List<SearchDocument.Figure> figures(Claim c, Archive archive) {
        if (c.figure() == null) return List.of();
        return List.of(new SearchDocument.Figure(c.figure().value().doubleValue(), FigureText.describe(c, archive)));
    }

    private static List<String> ids(List<Ref> refs) {
        return refs.stream().map(Ref::id).toList();
    }

    /** Splits Markdown into paragraphs of plain text (citation placeholders and markup removed). */
    private static List<SearchDocument.Passage> prose(String lead, String markdown) {
        List<SearchDocument.Passage> out = new ArrayList<>();
        if (!lead.isBlank()) out.add(new SearchDocument.Passage("", lead));
        for (String para : markdown.split("\\n\\s*\\n")) {
            String text = para.replaceAll("\uE000\\d+\uE001", "").replaceAll("[*_`#>\\[\\]]", "")
                    .replaceAll("\\(/[^)]*\\)", "").replaceAll("\\s+", " ").replaceAll(" ([.,;:])", "$1").strip();
            if (!text.isEmpty()) out.add(new SearchDocument.Passage("", text));
        }
        return out;
    }
}
