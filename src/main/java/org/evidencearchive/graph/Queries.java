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
 * What page models may ask of the graph. Pages read the archive only through this interface, and the
 * implementation they are given ({@link RecordingQueries}) records every answer's {@link Key}s for the
 * incremental rebuild: a query added here does not compile until its recording is written.
 */
public interface Queries {
    /** Returns the items most related to an item (shared topics, people and sources), computed once. */
    List<Item> relatedTo(Item item);

    /** Returns the parsed corpus. */
    Corpus corpus();

    /** Returns the sources by id. */
    Collection<Source> sources();

    /** Returns the commentary by id. */
    Collection<Commentary> commentary();

    /** Returns the claims by id. */
    Collection<Claim> claims();

    /** Returns the topics by id. */
    Collection<Topic> topics();

    /** Returns the people and organisations by id. */
    Collection<Person> people();

    /** Returns the item of a kind with an id, if there is one. */
    Optional<Item> item(Kind kind, String id);

    /** Returns whether an item of a kind has an id. */
    boolean has(Kind kind, String id);

    /** Returns every item: sources, commentary, claims, topics, then people, each kind in id order. */
    List<Item> items();

    /** Returns a source by id. */
    Optional<Source> source(String id);

    /** Returns a topic by id. */
    Optional<Topic> topic(String id);

    /** Returns a claim by id. */
    Optional<Claim> claim(String id);

    /** Returns a person or organisation by id. */
    Optional<Person> person(String id);

    /** Returns the resolved form of a body. */
    RichText rich(Body body);

    /** Returns a claim's resolved citations. */
    List<ResolvedCitation> citations(Claim c);

    /** Returns a person's resolved role citations, in the order of their roles (failed ones left out). */
    List<ResolvedCitation> roleCitations(Person p);

    /** Returns the items citing each paragraph of a source, by anchor. */
    Map<String, List<Item>> citedBy(Source s);

    /** Returns every resolved citation of a source, in text order. */
    List<ResolvedCitation> citationsOf(Source s);

    /** Returns the claims related to a claim. */
    List<Archive.Related> related(Claim c);

    /** Returns the commentary about a source. */
    List<Commentary> commentaryAbout(Source s);

    /** Returns the claims citing a source. */
    List<Claim> claimsCiting(Source s);

    /** Returns the sources of a topic, in id order. */
    List<Source> sourcesIn(Topic t);

    /** Returns the commentary of a topic, in id order. */
    List<Commentary> commentaryIn(Topic t);

    /** Returns the claims of a topic, in id order. */
    List<Claim> claimsIn(Topic t);

    /** Returns the topics an item names, skipping unknown ones. */
    List<Topic> topicsOf(List<Ref> refs);

    /** Returns the people an item names, skipping unknown ones. */
    List<Person> peopleOf(List<Ref> refs);

    /** Returns the claims held by a person or organisation. */
    List<Claim> claimsBy(Person p);

    /** Returns the sources whose text names a person (by one of their mentions). */
    List<Source> sourcesMentioning(Person p);

    /** Returns the people and organisations a source's text names. */
    List<Person> peopleMentionedIn(Source s);
}
