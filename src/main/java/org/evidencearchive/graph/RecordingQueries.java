package org.evidencearchive.graph;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.content.Body;
import org.evidencearchive.content.Claim;
import org.evidencearchive.content.Commentary;
import org.evidencearchive.content.Corpus;
import org.evidencearchive.content.Item;
import org.evidencearchive.content.Kind;
import org.evidencearchive.content.Person;
import org.evidencearchive.content.Ref;
import org.evidencearchive.content.Source;
import org.evidencearchive.content.Topic;

/**
 * The graph as page models see it: every query answered by the {@link Archive} and recorded ({@link Reads}) while
 * a page's model is made, so that an edit re-renders exactly the pages that read what it changed. Outside a
 * recording ({@link Reads#during}) it only answers.
 */
public final class RecordingQueries implements Queries {
    private final Archive archive;

    /** Queries over an archive, recorded. */
    public RecordingQueries(Archive archive) {
        this.archive = archive;
    }

    @Override
    public List<Item> relatedTo(Item item) {
        Reads.item(item);
        return Reads.returned(archive.relatedTo(item));
    }

    @Override
    public Corpus corpus() {
        return archive.corpus();
    }

    @Override
    public Collection<Source> sources() {
        Reads.all(Kind.SOURCE);
        return archive.sources();
    }

    @Override
    public Collection<Commentary> commentary() {
        Reads.all(Kind.COMMENTARY);
        return archive.commentary();
    }

    @Override
    public Collection<Claim> claims() {
        Reads.all(Kind.CLAIM);
        return archive.claims();
    }

    @Override
    public Collection<Topic> topics() {
        Reads.all(Kind.TOPIC);
        return archive.topics();
    }

    @Override
    public Collection<Person> people() {
        Reads.all(Kind.PERSON);
        return archive.people();
    }

    @Override
    public Optional<Item> item(Kind kind, String id) {
        Reads.id(kind, id);
        return archive.item(kind, id);
    }

    @Override
    public boolean has(Kind kind, String id) {
        return item(kind, id).isPresent();
    }

    @Override
    public List<Item> items() {
        for (Kind k : Kind.values()) Reads.all(k);
        return archive.items();
    }

    @Override
    public Optional<Source> source(String id) {
        Reads.id(Kind.SOURCE, id);
        return archive.source(id);
    }

    @Override
    public Optional<Topic> topic(String id) {
        Reads.id(Kind.TOPIC, id);
        return archive.topic(id);
    }

    @Override
    public Optional<Claim> claim(String id) {
        Reads.id(Kind.CLAIM, id);
        return archive.claim(id);
    }

    @Override
    public Optional<Person> person(String id) {
        Reads.id(Kind.PERSON, id);
        return archive.person(id);
    }

    @Override
    public RichText rich(Body body) {
        return archive.rich(body);
    }

    @Override
    public List<ResolvedCitation> citations(Claim c) {
        Reads.item(c);
        return archive.citations(c);
    }

    @Override
    public List<ResolvedCitation> roleCitations(Person p) {
        Reads.item(p);
        return archive.roleCitations(p);
    }

    @Override
    public Map<String, List<Item>> citedBy(Source s) {
        Reads.item(s);
        Map<String, List<Item>> byAnchor = archive.citedBy(s);
        byAnchor.values().forEach(Reads::items);
        return byAnchor;
    }

    @Override
    public List<ResolvedCitation> citationsOf(Source s) {
        Reads.item(s);
        return archive.citationsOf(s);
    }

    @Override
    public List<Archive.Related> related(Claim c) {
        Reads.item(c);
        List<Archive.Related> related = archive.related(c);
        related.forEach(r -> Reads.item(r.claim()));
        return related;
    }

    @Override
    public List<Commentary> commentaryAbout(Source s) {
        Reads.item(s);
        return Reads.returned(archive.commentaryAbout(s));
    }

    @Override
    public List<Claim> claimsCiting(Source s) {
        Reads.item(s);
        return Reads.returned(archive.claimsCiting(s));
    }

    @Override
    public List<Source> sourcesIn(Topic t) {
        Reads.item(t);
        return Reads.returned(archive.sourcesIn(t));
    }

    @Override
    public List<Commentary> commentaryIn(Topic t) {
        Reads.item(t);
        return Reads.returned(archive.commentaryIn(t));
    }

    @Override
    public List<Claim> claimsIn(Topic t) {
        Reads.item(t);
        return Reads.returned(archive.claimsIn(t));
    }

    @Override
    public List<Topic> topicsOf(List<Ref> refs) {
        refs.forEach(r -> Reads.id(Kind.TOPIC, r.id()));
        return archive.topicsOf(refs);
    }

    @Override
    public List<Person> peopleOf(List<Ref> refs) {
        refs.forEach(r -> Reads.id(Kind.PERSON, r.id()));
        return archive.peopleOf(refs);
    }

    @Override
    public List<Claim> claimsBy(Person p) {
        Reads.item(p);
        return Reads.returned(archive.claimsBy(p));
    }

    @Override
    public List<Source> sourcesMentioning(Person p) {
        Reads.item(p);
        return Reads.returned(archive.sourcesMentioning(p));
    }

    @Override
    public List<Person> peopleMentionedIn(Source s) {
        Reads.item(s);
        return Reads.returned(archive.peopleMentionedIn(s));
    }
}
