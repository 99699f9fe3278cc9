package org.evidencearchive.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.check.Suggestions;
import org.evidencearchive.cite.InlineCitations;
import org.evidencearchive.cite.QuoteMatcher;
import org.evidencearchive.cite.QuoteNormalizer;
import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.content.Body;
import org.evidencearchive.content.CitationRef;
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
 * The whole archive as one graph: every reference resolved, every citation checked against its source, and
 * every back-link computed once. Pages read from it; nothing is looked up per page.
 */
public final class Archive implements Queries {
    private final Corpus corpus;
    /** The items of each kind by id, in id order (a patch shares a kind's map with its base if none changed). */
    Map<String, Source> sources;
    Map<String, Commentary> commentary;
    Map<String, Claim> claims;
    Map<String, Topic> topics;
    Map<String, Person> people;
    /** Each body's resolved form, by the body's identity (pages ask with the body of the item they show). */
    final java.util.IdentityHashMap<Body, RichText> richTexts;
    final Map<String, List<ResolvedCitation>> claimCitations;
    final Map<String, List<ResolvedCitation>> roleCitations;
    /** source id → anchor → items citing that paragraph (ordered by kind and id). */
    final Map<String, Map<String, List<Item>>> citedBy;
    /** source id → every resolved citation of it, with where it was made. */
    final Map<String, List<Placed>> citationsOfSource;
    final Map<String, List<Commentary>> commentaryAbout;
    final Map<String, List<Claim>> claimsCiting;
    final Map<String, List<Claim>> claimsBy;
    final Map<String, List<Source>> sourcesMentioning;
    final Map<String, List<Person>> peopleMentioned;
    final Map<String, List<Source>> sourcesIn;
    final Map<String, List<Commentary>> commentaryIn;
    final Map<String, List<Claim>> claimsIn;
    /** claim id → related claims (both directions), as (relation label, claim). */
    final Map<String, List<Related>> relatedClaims;
    /** item key → the keys of the items most related to it. */
    final Map<Key, List<Key>> relatedItems;
    Map<Key, Item> itemsByKey = Map.of();

    /** A relation between two claims as seen from one of them. */
    public record Related(String label, Claim claim) {}

    /**
     * A resolved citation and where it was made, which orders citations of the same passage: claims' citation
     * lists first, then people's roles, then bodies (sources, commentary, claims, topics, people); by owner id, then
     * by position in the owner.
     */
    record Placed(ResolvedCitation citation, int rank, String owner, int index) {}

    static final java.util.Comparator<Placed> TEXT_ORDER = java.util.Comparator
            .comparingInt((Placed p) -> p.citation().start()).thenComparingInt(p -> p.citation().end())
            .thenComparingInt(Placed::rank).thenComparing(Placed::owner).thenComparingInt(Placed::index);
    static final java.util.Comparator<Item> ID_ORDER = java.util.Comparator.comparing(Item::id);
    static final java.util.Comparator<Item> KIND_ID_ORDER = java.util.Comparator.comparing(Item::kind, Kind.BY_WORD).thenComparing(Item::id);

    final LinkMemo memo;
    /** The link this one patched, and the items that differ between the two (both versions); else null. */
    Archive patchedFrom;
    List<Item> patchedItems;
    /** The items whose related items a patch scored again. */
    java.util.Set<Key> rescored;

    /** An archive to be linked from nothing. */
    Archive(Corpus corpus, LinkMemo memo) {
        this.corpus = corpus;
        this.memo = memo;
        richTexts = new java.util.IdentityHashMap<>();
        claimCitations = new HashMap<>();
        roleCitations = new HashMap<>();
        citedBy = new HashMap<>();
        citationsOfSource = new HashMap<>();
        commentaryAbout = new HashMap<>();
        claimsCiting = new HashMap<>();
        claimsBy = new HashMap<>();
        sourcesMentioning = new HashMap<>();
        peopleMentioned = new HashMap<>();
        sourcesIn = new HashMap<>();
        commentaryIn = new HashMap<>();
        claimsIn = new HashMap<>();
        relatedClaims = new HashMap<>();
        relatedItems = new HashMap<>();
    }

    /** An archive to be linked as a patch of an earlier link: it starts with the earlier link's maps (shared until written). */
    Archive(Corpus corpus, LinkMemo memo, Archive base) {
        this.corpus = corpus;
        this.memo = memo;
        @SuppressWarnings("unchecked")
        var texts = (java.util.IdentityHashMap<Body, RichText>) base.richTexts.clone(); // copies one array
        richTexts = texts;
        claimCitations = SharedMap.of(base.claimCitations);
        roleCitations = SharedMap.of(base.roleCitations);
        citedBy = SharedMap.of(base.citedBy);
        citationsOfSource = SharedMap.of(base.citationsOfSource);
        commentaryAbout = SharedMap.of(base.commentaryAbout);
        claimsCiting = SharedMap.of(base.claimsCiting);
        claimsBy = SharedMap.of(base.claimsBy);
        sourcesMentioning = SharedMap.of(base.sourcesMentioning);
        peopleMentioned = SharedMap.of(base.peopleMentioned);
        sourcesIn = SharedMap.of(base.sourcesIn);
        commentaryIn = SharedMap.of(base.commentaryIn);
        claimsIn = SharedMap.of(base.claimsIn);
        relatedClaims = SharedMap.of(base.relatedClaims);
        relatedItems = SharedMap.of(base.relatedItems);
    }

    /** Links a parsed corpus into a graph, reporting every dangling reference and failing citation. */
    public static Archive link(Corpus corpus, Diagnostics diagnostics) {
        return link(corpus, diagnostics, LinkMemo.none());
    }

    /**
     * Links a parsed corpus, re-using what an earlier link with the same memo computed for items that have not
     * changed (the same objects); the result is the same as linking from nothing. When the memo holds an earlier
     * link without errors and few items differ from it, that link is patched: only the items that changed, and
     * those whose links point at them, are linked again ({@link Linker}).
     */
    public static Archive link(Corpus corpus, Diagnostics diagnostics, LinkMemo memo) {
        return Linker.link(corpus, diagnostics, memo);
    }

    /** Returns the items that are new objects or gone since an earlier link (both versions of each). */
    List<Item> editedSince(Archive old) {
        if (old == patchedFrom) return patchedItems; // a patch knows
        List<Item> edited = new ArrayList<>();
        diff(old.sources, sources, edited);
        diff(old.commentary, commentary, edited);
        diff(old.claims, claims, edited);
        diff(old.topics, topics, edited);
        diff(old.people, people, edited);
        return edited;
    }

    /** Notes the items of one kind that are new objects or gone between two links (both versions of each). */
    private static <T extends Item> void diff(Map<String, T> before, Map<String, T> after, List<Item> edited) {
        if (before == after) return; // the kind's folder did not change
        int kept = 0;
        for (var e : after.entrySet()) {
            T was = before.get(e.getKey());
            if (was != null) kept++;
            if (was != e.getValue()) {
                edited.add(e.getValue());
                if (was != null) edited.add(was);
            }
        }
        if (kept < before.size()) { // some are gone
            for (var e : before.entrySet()) if (!after.containsKey(e.getKey())) edited.add(e.getValue());
        }
    }

    /** Returns this archive's item of the same kind and id, if any. */
    Item current(Item i) {
        return kind(i.kind()).get(i.id());
    }

    Map<String, ? extends Item> kind(Kind kind) {
        return switch (kind) {
            case SOURCE -> sources;
            case COMMENTARY -> commentary;
            case CLAIM -> claims;
            case TOPIC -> topics;
            case PERSON -> people;
        };
    }

    /** Indexes each kind by id; a kind whose items are the base link's list (an unchanged folder) keeps its map. */
    void indexKinds(Diagnostics d, Archive base) {
        sources = index(corpus.sources(), base == null ? null : base.corpus.sources(), base == null ? null : base.sources, d);
        commentary = index(corpus.commentary(), base == null ? null : base.corpus.commentary(), base == null ? null : base.commentary, d);
        claims = index(corpus.claims(), base == null ? null : base.corpus.claims(), base == null ? null : base.claims, d);
        topics = index(corpus.topics(), base == null ? null : base.corpus.topics(), base == null ? null : base.topics, d);
        people = index(corpus.people(), base == null ? null : base.corpus.people(), base == null ? null : base.people, d);
    }

    private <T extends Item> Map<String, T> index(List<T> items, List<T> before, Map<String, T> indexed, Diagnostics d) {
        if (items == before) return indexed; // the same list of items, indexed without duplicates (a base has none)
        Map<String, T> into = new LinkedHashMap<>(items.size() * 2);
        index(items, into, d);
        return into;
    }

    private <T extends Item> void index(List<T> items, Map<String, T> into, Diagnostics diagnostics) {
        for (T item : items) {
            T first = into.putIfAbsent(item.id(), item);
            if (first != null) {
                diagnostics.error(item.origin().file(), item.origin().line(),
                        "duplicate " + item.kind() + " id '" + item.id() + "': " + Urls.of(item)
                                + " is already made by " + first.origin().file() + ":" + first.origin().line(),
                        "every item needs its own id");
            }
        }
    }

    /** Every item, each kind in id order (recording no read: for linking). */
    List<Item> all() {
        List<Item> all = new ArrayList<>(sources.size() + commentary.size() + claims.size() + topics.size() + people.size());
        all.addAll(sources.values());
        all.addAll(commentary.values());
        all.addAll(claims.values());
        all.addAll(topics.values());
        all.addAll(people.values());
        return all;
    }

    /** Whether this link patched an earlier one. */
    boolean patched() {
        return patchedFrom != null || patchedItems != null;
    }

    /** Returns the items most related to an item (shared topics, people and sources), computed once. */
    public List<Item> relatedTo(Item item) {
        return relatedItems.getOrDefault(Key.of(item), List.of()).stream().map(itemsByKey::get).toList();
    }


    /**
     * Returns the {@link Reads} keys whose answers differ between an earlier link and this one ({@link GraphDiff}).
     */
    public java.util.Set<Key> changedSince(Archive old) {
        return GraphDiff.changed(old, this);
    }

    /** Whether two lists hold the same items (kinds and ids), in the same order. */
    static boolean sameItems(List<? extends Item> a, List<? extends Item> b) {
        if (a.size() != b.size()) return false;
        for (int k = 0; k < a.size(); k++) {
            if (!a.get(k).id().equals(b.get(k).id()) || !a.get(k).kind().equals(b.get(k).kind())) return false;
        }
        return true;
    }

    /** Adds the keys of everything an item points to in this archive, and of everything pointing to it. */
    void neighbours(Item item, java.util.Set<Key> into) {
        for (Edges.Edge e : Edges.of(item, this)) into.add(e.key());
        for (Item i : Edges.incoming(item, this)) into.add(Key.of(i));
    }

    // ---- Queries (all answered from maps computed once) ----

    /** Returns the parsed corpus. */
    public Corpus corpus() {
        return corpus;
    }

    /** Returns the sources by id. */
    public Collection<Source> sources() {
        return sources.values();
    }

    /** Returns the commentary by id. */
    public Collection<Commentary> commentary() {
        return commentary.values();
    }

    /** Returns the claims by id. */
    public Collection<Claim> claims() {
        return claims.values();
    }

    /** Returns the topics by id. */
    public Collection<Topic> topics() {
        return topics.values();
    }

    /** Returns the people and organisations by id. */
    public Collection<Person> people() {
        return people.values();
    }

    /** Returns the item of a kind with an id, if there is one. */
    public Optional<Item> item(Kind kind, String id) {
        return Optional.ofNullable(kind(kind).get(id));
    }

    /** Returns whether an item of a kind has an id. */
    public boolean has(Kind kind, String id) {
        return item(kind, id).isPresent();
    }

    /** Returns every item: sources, commentary, claims, topics, then people, each kind in id order. */
    public List<Item> items() {
        return all();
    }

    /**
     * Returns whether this archive has the same link targets as an earlier link of it: the same items of every
     * kind, the same unparsed files, and the same paragraph anchors in every source.
     */
    public boolean sameTargets(Archive old) {
        if (!sameItems(old) || !old.corpus.unparsed().equals(corpus.unparsed())) return false;
        if (old == patchedFrom) { // only the patched items can differ
            for (Item e : patchedItems) {
                if (old.current(e) instanceof Source b && current(e) instanceof Source a && !sameAnchors(b, a)) return false;
            }
            return true;
        }
        for (var e : sources.entrySet()) {
            Source before = old.sources.get(e.getKey());
            if (before != e.getValue() && !sameAnchors(before, e.getValue())) return false;
        }
        return true;
    }

    /**
     * Whether this link holds the very same items of a kind as an earlier link (the kind's folder was not
     * re-read, so its map is shared): what reads only those items can keep its answer.
     */
    public boolean sameObjects(Kind kind, Archive old) {
        return old != null && kind(kind) == old.kind(kind);
    }

    /** Returns whether this archive has the same items (kinds and ids) as an earlier link of it. */
    public boolean sameItems(Archive old) {
        if (old == patchedFrom) { // only the patched items can be new or gone
            for (Item e : patchedItems) if (old.current(e) == null || current(e) == null) return false;
            return true;
        }
        return sameKeys(old.sources, sources) && sameKeys(old.commentary, commentary) && sameKeys(old.claims, claims)
                && sameKeys(old.topics, topics) && sameKeys(old.people, people);
    }

    private static boolean sameAnchors(Source before, Source after) {
        var a = before.text().paragraphs();
        var b = after.text().paragraphs();
        if (a.size() != b.size()) return false;
        for (int k = 0; k < a.size(); k++) if (!a.get(k).anchor().equals(b.get(k).anchor())) return false;
        return true;
    }

    private static boolean sameKeys(Map<String, ?> a, Map<String, ?> b) {
        return a == b || a.size() == b.size() && a.keySet().containsAll(b.keySet());
    }

    /** Returns a source by id. */
    public Optional<Source> source(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    /** Returns a topic by id. */
    public Optional<Topic> topic(String id) {
        return Optional.ofNullable(topics.get(id));
    }

    /** Returns a claim by id. */
    public Optional<Claim> claim(String id) {
        return Optional.ofNullable(claims.get(id));
    }

    /** Returns a person or organisation by id. */
    public Optional<Person> person(String id) {
        return Optional.ofNullable(people.get(id));
    }

    /** Returns the resolved form of a body. */
    public RichText rich(Body body) {
        return richTexts.get(body);
    }

    /** Returns a claim's resolved citations. */
    public List<ResolvedCitation> citations(Claim c) {
        return claimCitations.getOrDefault(c.id(), List.of());
    }

    /** Returns a person's resolved role citations, in the order of their roles (failed ones left out). */
    public List<ResolvedCitation> roleCitations(Person p) {
        return roleCitations.getOrDefault(p.id(), List.of());
    }

    /** Returns the items citing each paragraph of a source, by anchor. */
    public Map<String, List<Item>> citedBy(Source s) {
        return citedBy.getOrDefault(s.id(), Map.of());
    }

    /** Returns every resolved citation of a source, in text order. */
    public List<ResolvedCitation> citationsOf(Source s) {
        return citationsOfSource.getOrDefault(s.id(), List.of()).stream().map(Placed::citation).toList();
    }

    /** Returns the claims related to a claim. */
    public List<Related> related(Claim c) {
        return relatedClaims.getOrDefault(c.id(), List.of());
    }

    /** Returns the commentary about a source. */
    public List<Commentary> commentaryAbout(Source s) {
        return commentaryAbout.getOrDefault(s.id(), List.of());
    }

    /** Returns the claims citing a source. */
    public List<Claim> claimsCiting(Source s) {
        return claimsCiting.getOrDefault(s.id(), List.of());
    }

    /** Returns the sources of a topic, in id order. */
    public List<Source> sourcesIn(Topic t) {
        return sourcesIn.getOrDefault(t.id(), List.of());
    }

    /** Returns the commentary of a topic, in id order. */
    public List<Commentary> commentaryIn(Topic t) {
        return commentaryIn.getOrDefault(t.id(), List.of());
    }

    /** Returns the claims of a topic, in id order. */
    public List<Claim> claimsIn(Topic t) {
        return claimsIn.getOrDefault(t.id(), List.of());
    }

    /** Returns the topics an item names, skipping unknown ones. */
    public List<Topic> topicsOf(List<Ref> refs) {
        return refs.stream().map(r -> topics.get(r.id())).filter(java.util.Objects::nonNull).toList();
    }

    /** Returns the people an item names, skipping unknown ones. */
    public List<Person> peopleOf(List<Ref> refs) {
        return refs.stream().map(r -> people.get(r.id())).filter(java.util.Objects::nonNull).toList();
    }

    /** Returns the claims held by a person or organisation. */
    public List<Claim> claimsBy(Person p) {
        return claimsBy.getOrDefault(p.id(), List.of());
    }

    /** Returns the sources whose text names a person (by one of their mentions). */
    public List<Source> sourcesMentioning(Person p) {
        return sourcesMentioning.getOrDefault(p.id(), List.of());
    }

    /** Returns the people and organisations a source's text names. */
    public List<Person> peopleMentionedIn(Source s) {
        return peopleMentioned.getOrDefault(s.id(), List.of());
    }
}
