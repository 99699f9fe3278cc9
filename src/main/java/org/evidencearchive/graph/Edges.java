package org.evidencearchive.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.content.Body;
import org.evidencearchive.content.CitationRef;
import org.evidencearchive.content.Claim;
import org.evidencearchive.content.Commentary;
import org.evidencearchive.content.Item;
import org.evidencearchive.content.Kind;
import org.evidencearchive.content.Origin;
import org.evidencearchive.content.Person;
import org.evidencearchive.content.Ref;
import org.evidencearchive.content.Source;
import org.evidencearchive.content.Topic;

/**
 * The one place that lists an item's links to other items. Linking ({@link Linker#contribute}), taking an item
 * back out of a patched link, the keys near an edit ({@link GraphDiff}), the items a removed item leaves dangling,
 * and the features of related items all read an item's links from here, so they cannot disagree.
 */
final class Edges {
    private Edges() {}

    /** What a link means, and the kind of item it points to. */
    enum Type {
        /** An item (source, commentary, claim) belongs to a topic. */
        TOPIC(Kind.TOPIC, true),
        /** Commentary is about a source. */
        ABOUT(Kind.SOURCE, true),
        /** A claim is held by a person or organisation. */
        BY(Kind.PERSON, true),
        /** A claim relates to another claim (same figure, disputes, ...). */
        RELATION(Kind.CLAIM, true),
        /** A topic names a related topic. */
        RELATED_TOPIC(Kind.TOPIC, true),
        /** A claim's citation list cites a source. */
        CITES(Kind.SOURCE, false),
        /** A person's role is cited from a source. */
        ROLE(Kind.SOURCE, false),
        /** A source's text names a person (found by scanning its text, not written by an editor). */
        MENTIONS(Kind.PERSON, false),
        /** A body's inline citation cites a source (as resolved). */
        BODY_CITES(Kind.SOURCE, false);

        /** The kind of item the link points to. */
        final Kind target;
        /** Whether the id is written in front matter and must name an item ("unknown topic 'x'" otherwise). */
        final boolean reference;

        Type(Kind target, boolean reference) {
            this.target = target;
            this.reference = reference;
        }
    }

    /** One link: its type, the id it points to, and where the editor wrote it (null for links found, not written). */
    record Edge(Type type, String id, Origin origin) {
        /** The key of the item pointed to. */
        Key key() {
            return new Key(type.target, id);
        }
    }

    /** The links written in an item's front matter, in the order written. */
    static List<Edge> declared(Item item) {
        List<Edge> out = new ArrayList<>();
        switch (item) {
            case Source s -> refs(Type.TOPIC, s.topics(), out);
            case Commentary c -> {
                refs(Type.ABOUT, c.about(), out);
                refs(Type.TOPIC, c.topics(), out);
            }
            case Claim c -> {
                refs(Type.TOPIC, c.topics(), out);
                refs(Type.BY, c.by(), out);
                for (Claim.Relation r : c.relations()) out.add(new Edge(Type.RELATION, r.claim().id(), r.claim().origin()));
                cites(Type.CITES, c.citations(), out);
            }
            case Topic t -> refs(Type.RELATED_TOPIC, t.related(), out);
            case Person p -> cites(Type.ROLE, p.roles().stream().map(Person.Role::citation).toList(), out);
        }
        return out;
    }

    /**
     * The links an item has in a link of the archive: those written, the people its text names (a source) and
     * the sources its body cites as resolved.
     */
    static List<Edge> of(Item item, Archive a) {
        List<Edge> out = declared(item);
        if (item instanceof Source s) {
            for (Person p : a.peopleMentioned.getOrDefault(s.id(), List.of())) out.add(new Edge(Type.MENTIONS, p.id(), null));
        }
        RichText rt = a.richTexts.get(body(item));
        if (rt != null) {
            for (ResolvedCitation rc : rt.citations()) if (rc != null) out.add(new Edge(Type.BODY_CITES, rc.sourceId(), null));
        }
        return out;
    }

    /** The items with a link to this one, as the back-link lists of a link record them. */
    static Set<Item> incoming(Item item, Archive a) {
        Set<Item> out = new LinkedHashSet<>();
        String id = item.id();
        switch (item) {
            case Source s -> {
                a.citedBy.getOrDefault(id, Map.of()).values().forEach(out::addAll);
                out.addAll(a.claimsCiting.getOrDefault(id, List.of()));
                out.addAll(a.commentaryAbout.getOrDefault(id, List.of()));
            }
            case Person p -> {
                out.addAll(a.sourcesMentioning.getOrDefault(id, List.of()));
                out.addAll(a.claimsBy.getOrDefault(id, List.of()));
            }
            case Topic t -> {
                out.addAll(a.sourcesIn.getOrDefault(id, List.of()));
                out.addAll(a.commentaryIn.getOrDefault(id, List.of()));
                out.addAll(a.claimsIn.getOrDefault(id, List.of()));
                for (Topic other : a.topics.values()) if (other.related().stream().anyMatch(r -> r.id().equals(id))) out.add(other);
            }
            case Claim c -> a.relatedClaims.getOrDefault(id, List.of()).forEach(r -> out.add(r.claim()));
            case Commentary c -> { }
        }
        return out;
    }

    /**
     * The back-link list that a link from {@code from} adds it to, keyed by the id pointed to, or null for links
     * whose back-links are kept elsewhere (citations: by paragraph; relations: both ways; related topics: none).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Map<String, List<Item>> backLinks(Type type, Item from, Archive a) {
        Map<String, ?> map = switch (type) {
            case TOPIC -> switch (from) {
                case Source s -> a.sourcesIn;
                case Commentary c -> a.commentaryIn;
                case Claim c -> a.claimsIn;
                default -> null;
            };
            case ABOUT -> a.commentaryAbout;
            case BY -> a.claimsBy;
            case CITES -> a.claimsCiting;
            case MENTIONS -> a.sourcesMentioning;
            case RELATION, RELATED_TOPIC, ROLE, BODY_CITES -> null;
        };
        return (Map<String, List<Item>>) (Map) map;
    }

    /**
     * What an item is about, as keys of features it may share with related items: its topics, people and sources
     * (and itself, for the kinds that are such features).
     */
    static Set<Key> features(Item item, Archive a) {
        Set<Key> f = new java.util.TreeSet<>();
        if (item instanceof Source || item instanceof Topic || item instanceof Person) f.add(Key.of(item));
        for (Edge e : of(item, a)) {
            switch (e.type()) {
                case TOPIC, RELATED_TOPIC, BY, MENTIONS, ABOUT, CITES -> f.add(e.key());
                default -> { }
            }
        }
        return f;
    }

    /** The item's body (a source's note). */
    static Body body(Item item) {
        return switch (item) {
            case Source s -> s.note();
            case Commentary c -> c.body();
            case Claim c -> c.body();
            case Topic t -> t.body();
            case Person p -> p.body();
        };
    }

    private static void refs(Type type, List<Ref> refs, List<Edge> out) {
        for (Ref r : refs) out.add(new Edge(type, r.id(), r.origin()));
    }

    private static void cites(Type type, List<CitationRef> refs, List<Edge> out) {
        for (CitationRef r : refs) out.add(new Edge(type, r.sourceId(), r.origin()));
    }
}
