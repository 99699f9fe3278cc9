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
import org.evidencearchive.content.Person;
import org.evidencearchive.content.Ref;
import org.evidencearchive.content.Source;
import org.evidencearchive.content.Topic;

/**
 * The whole archive as one graph: every reference resolved, every citation checked against its source, and
 * every back-link computed once. Pages read from it; nothing is looked up per page.
 */
public final class Archive {
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
    final Map<String, List<String>> relatedItems;
    Map<String, Item> itemsByKey = Map.of();

    /** A relation between two claims as seen from one of them. */
    public record Related(String label, Claim claim) {}

    /**
     * A resolved citation and where it was made, which orders citations of the same passage: claims' citation
     * lists first, then people's roles, then bodies (sources, commentary, claims, topics, people); by owner id, then
     * by position in the owner.
     */
    record Placed(ResolvedCitation citation, int rank, String owner, int index) {}

    private static final java.util.Comparator<Placed> TEXT_ORDER = java.util.Comparator
            .comparingInt((Placed p) -> p.citation().start()).thenComparingInt(p -> p.citation().end())
            .thenComparingInt(Placed::rank).thenComparing(Placed::owner).thenComparingInt(Placed::index);
    private static final java.util.Comparator<Item> ID_ORDER = java.util.Comparator.comparing(Item::id);
    private static final java.util.Comparator<Item> KIND_ID_ORDER = java.util.Comparator.comparing(Item::kind).thenComparing(Item::id);

    final LinkMemo memo;
    /** The link this one patched, and the items that differ between the two (both versions); else null. */
    Archive patchedFrom;
    List<Item> patchedItems;
    /** The items whose related items a patch scored again. */
    java.util.Set<String> rescored;

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
    private Archive(Corpus corpus, LinkMemo memo, Archive base) {
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
     * those whose links point at them, are linked again.
     */
    public static Archive link(Corpus corpus, Diagnostics diagnostics, LinkMemo memo) {
        Archive base = memo.base();
        Diagnostics found = new Diagnostics();
        Archive a = base == null ? null : patch(base, corpus, found, memo);
        if (a == null) {
            found = new Diagnostics();
            a = whole(corpus, found, memo);
        }
        found.sorted().forEach(diagnostics::add);
        memo.advance(a.patchedFrom != null);
        // Only a link without errors can be patched: every reference in it resolved, so nothing points nowhere.
        if (!found.hasErrors() && corpus.unparsed().isEmpty()) memo.base(a);
        return a;
    }

    /** Links every item. */
    private static Archive whole(Corpus corpus, Diagnostics d, LinkMemo memo) {
        Archive a = new Archive(corpus, memo);
        a.indexKinds(d, null);
        a.mentions().scanAll(a.sources.values());
        for (Item i : a.all()) a.contribute(i, d);
        ClaimRelations.relate(a, null, List.of());
        a.settle();
        RelatedItems.relate(a, null);
        return a;
    }

    /** Items that may differ from the base link for a patch to be worth it; more, and everything is linked again. */
    private static final int PATCH_LIMIT = 2000;

    /**
     * Links only what changed since a base link: the items that are new objects (or gone), and the items whose
     * links point at them (citations of a changed source, references to a removed item). Returns null when a
     * patch would not give what a whole link gives (duplicate ids, a change to who can be mentioned) or would not
     * be cheaper.
     */
    private static Archive patch(Archive base, Corpus corpus, Diagnostics d, LinkMemo memo) {
        Archive a = new Archive(corpus, memo, base);
        a.indexKinds(d, base);
        if (d.hasErrors()) return null; // duplicate ids: which item wins is the whole link's business
        List<Item> edited = a.editedSince(base);
        if (edited.size() > PATCH_LIMIT || !memo.sameMentionDictionary(MentionScanner.dictionary(a.people))) return null;
        // Old versions to withdraw, new versions to contribute: the edited items and those pointing at them.
        java.util.Set<Item> old = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Set<Item> now = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Set<String> relations = new java.util.TreeSet<>();
        for (Item e : edited) {
            boolean inBase = base.current(e) == e;
            boolean inNew = a.current(e) == e;
            if (inBase) {
                old.add(e);
                for (Item dependent : base.dependents(e, a)) {
                    old.add(dependent);
                    Item n = a.current(dependent);
                    if (n != null) now.add(n);
                }
            }
            if (inNew) now.add(e);
            if (e instanceof Claim c) {
                relations.add(c.id());
                base.relatedClaims.getOrDefault(c.id(), List.of()).forEach(r -> relations.add(r.claim().id()));
                c.relations().forEach(r -> relations.add(r.claim().id()));
            }
        }
        old.forEach(a::withdraw);
        List<Item> redo = new ArrayList<>(now);
        redo.sort(KIND_ID_ORDER);
        for (Item i : redo) a.contribute(i, d);
        ClaimRelations.relate(a, relations, redo.stream().filter(i -> i instanceof Claim).map(i -> (Claim) i).toList());
        a.settle();
        java.util.Set<String> touched = new java.util.HashSet<>();
        for (Item e : edited) touched.add(key(e));
        for (Item i : redo) {
            if (i instanceof Claim c && base.claimCitations.get(c.id()) != a.claimCitations.get(c.id())) touched.add(key(c));
        }
        a.patchedFrom = base;
        a.patchedItems = edited;
        base.patchedFrom = null; // keep no chain of earlier links alive
        base.patchedItems = null;
        RelatedItems.relate(a, touched);
        return a;
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

    Map<String, ? extends Item> kind(String kind) {
        return switch (kind) {
            case "source" -> sources;
            case "commentary" -> commentary;
            case "claim" -> claims;
            case "topic" -> topics;
            case "person" -> people;
            default -> Map.of();
        };
    }

    /**
     * Returns the items of this (base) link whose linking depends on an item that is now changed or gone: whatever
     * cites a source, and whatever names an item that is gone (it must now be reported).
     */
    private List<Item> dependents(Item e, Archive now) {
        List<Item> out = new ArrayList<>();
        boolean gone = now.current(e) == null;
        switch (e) {
            case Source s -> {
                citedBy.getOrDefault(s.id(), Map.of()).values().forEach(out::addAll);
                if (gone) out.addAll(commentaryAbout.getOrDefault(s.id(), List.of()));
            }
            case Topic t -> {
                if (gone) {
                    out.addAll(sourcesIn.getOrDefault(t.id(), List.of()));
                    out.addAll(commentaryIn.getOrDefault(t.id(), List.of()));
                    out.addAll(claimsIn.getOrDefault(t.id(), List.of()));
                    for (Topic other : topics.values()) if (other.related().stream().anyMatch(r -> r.id().equals(t.id()))) out.add(other);
                }
            }
            case Claim c -> {
                if (gone) relatedClaims.getOrDefault(c.id(), List.of()).forEach(r -> out.add(r.claim()));
            }
            case Person p -> {
                if (gone) out.addAll(claimsBy.getOrDefault(p.id(), List.of()));
            }
            case Commentary c -> { }
        }
        return out;
    }

    /** Indexes each kind by id; a kind whose items are the base link's list (an unchanged folder) keeps its map. */
    private void indexKinds(Diagnostics d, Archive base) {
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

    // ---- One item's part of the graph: what it contributes, and withdrawing it again ----

    /** Checks an item's references, resolves its citations, and adds it to the back-links it belongs to. */
    private void contribute(Item item, Diagnostics d) {
        switch (item) {
            case Source s -> {
                refs(s.topics(), topics, "topic", d);
                rich(s.note(), s, 2, d);
                for (String t : ids(s.topics())) writable(sourcesIn, t).add(s);
                List<Person> named = mentions().mentioned(s);
                peopleMentioned.put(s.id(), named);
                for (Person p : named) writable(sourcesMentioning, p.id()).add(s);
            }
            case Commentary c -> {
                refs(c.about(), sources, "source", d);
                refs(c.topics(), topics, "topic", d);
                rich(c.body(), c, 3, d);
                for (String t : ids(c.topics())) writable(commentaryIn, t).add(c);
                for (String s : ids(c.about())) writable(commentaryAbout, s).add(c);
            }
            case Claim c -> {
                refs(c.topics(), topics, "topic", d);
                refs(c.by(), people, "person", d);
                for (Claim.Relation r : c.relations()) {
                    refs(List.of(r.claim()), claims, "claim", d);
                    if (r.claim().id().equals(c.id())) {
                        d.error(r.claim().origin().file(), r.claim().origin().line(), "a claim cannot relate to itself", null);
                    }
                }
                List<ResolvedCitation> cites = resolveAll(c.citations(), c, 0, d);
                claimCitations.put(c.id(), cites);
                rich(c.body(), c, 4, d);
                for (String t : ids(c.topics())) writable(claimsIn, t).add(c);
                cites.stream().map(ResolvedCitation::sourceId).distinct().forEach(s -> writable(claimsCiting, s).add(c));
                for (String p : ids(c.by())) writable(claimsBy, p).add(c);
            }
            case Topic t -> {
                refs(t.related(), topics, "topic", d);
                rich(t.body(), t, 5, d);
            }
            case Person p -> {
                roleCitations.put(p.id(), resolveAll(p.roles().stream().map(Person.Role::citation).toList(), p, 1, d));
                rich(p.body(), p, 6, d);
            }
        }
    }

    /** Takes back what an item of the base link contributed, before its new version (if any) contributes. */
    private void withdraw(Item item) {
        switch (item) {
            case Source s -> {
                uncite(s, richTexts.remove(s.note()).citations());
                for (String t : ids(s.topics())) writable(sourcesIn, t).remove(s);
                for (Person p : peopleMentioned.getOrDefault(s.id(), List.of())) writable(sourcesMentioning, p.id()).remove(s);
                peopleMentioned.remove(s.id());
            }
            case Commentary c -> {
                uncite(c, richTexts.remove(c.body()).citations());
                for (String t : ids(c.topics())) writable(commentaryIn, t).remove(c);
                for (String s : ids(c.about())) writable(commentaryAbout, s).remove(c);
            }
            case Claim c -> {
                List<ResolvedCitation> cites = claimCitations.remove(c.id());
                uncite(c, cites);
                cites.stream().map(ResolvedCitation::sourceId).distinct().forEach(s -> writable(claimsCiting, s).remove(c));
                uncite(c, richTexts.remove(c.body()).citations());
                for (String t : ids(c.topics())) writable(claimsIn, t).remove(c);
                for (String p : ids(c.by())) writable(claimsBy, p).remove(c);
            }
            case Topic t -> uncite(t, richTexts.remove(t.body()).citations());
            case Person p -> {
                uncite(p, roleCitations.remove(p.id()));
                uncite(p, richTexts.remove(p.body()).citations());
            }
        }
    }

    private static List<String> ids(List<Ref> refs) {
        return refs.stream().map(Ref::id).distinct().toList();
    }

    private void refs(List<Ref> refs, Map<String, ? extends Item> targets, String kind, Diagnostics d) {
        String what = kind.equals("person") ? "person or organisation" : kind;
        for (Ref r : refs) {
            if (!targets.containsKey(r.id()) && !corpus.unparsed().contains(kind + ":" + r.id())) {
                d.error(r.origin().file(), r.origin().line(), "unknown " + what + " '" + r.id() + "'",
                        Suggestions.didYouMean(r.id(), targets.keySet(), what + " ids"));
            }
        }
    }

    private void rich(Body body, Item owner, int rank, Diagnostics d) {
        InlineCitations.Extracted x = memo.extracted(body);
        for (var m : x.malformed()) {
            d.error(m.origin().file(), m.origin().line(), "malformed citation: " + m.text(),
                    "write [@source-id \"exact quote\"] or [@source-id#p4 \"exact quote\"]");
        }
        List<ResolvedCitation> resolved = new ArrayList<>();
        for (CitationRef ref : x.citations()) {
            ResolvedCitation rc = resolve(ref, d).orElse(null);
            if (rc != null) cite(owner, rc, rank, resolved.size());
            resolved.add(rc);
        }
        richTexts.put(body, new RichText(body, x.markdown(), java.util.Collections.unmodifiableList(resolved)));
    }

    private List<ResolvedCitation> resolveAll(List<CitationRef> refs, Item owner, int rank, Diagnostics d) {
        List<ResolvedCitation> out = new ArrayList<>();
        for (CitationRef ref : refs) {
            resolve(ref, d).ifPresent(rc -> {
                cite(owner, rc, rank, out.size());
                out.add(rc);
            });
        }
        return memo.same(owner, List.copyOf(out)); // an unchanged list is the same object as in the last link
    }

    private Optional<ResolvedCitation> resolve(CitationRef ref, Diagnostics d) {
        Source s = sources.get(ref.sourceId());
        if (s == null && corpus.unparsed().contains("source:" + ref.sourceId())) return Optional.empty();
        if (s == null) {
            d.error(ref.origin().file(), ref.origin().line(), "unknown source '" + ref.sourceId() + "'",
                    Suggestions.didYouMean(ref.sourceId(), sources.keySet(), "source ids"));
            return Optional.empty();
        }
        LinkMemo.Resolution memoized = memo.resolution(ref, s);
        if (memoized == null) {
            Diagnostics found = new Diagnostics();
            Optional<ResolvedCitation> result = QuoteMatcher.resolve(ref, s, found,
                    p -> memo.normalized(p, x -> QuoteNormalizer.map(x.text())));
            memoized = new LinkMemo.Resolution(s, result, found.sorted());
            memo.resolved(ref, memoized);
        }
        memoized.diagnostics().forEach(d::add);
        return memoized.result();
    }

    /** Adds a resolved citation to its source's back-links. */
    private void cite(Item owner, ResolvedCitation rc, int rank, int index) {
        citers(rc.sourceId(), rc.anchor()).add(owner);
        writable(citationsOfSource, rc.sourceId()).add(new Placed(rc, rank, owner.id(), index));
    }

    /** Takes resolved citations out of their sources' back-links. */
    private void uncite(Item owner, List<ResolvedCitation> citations) {
        for (ResolvedCitation rc : citations) {
            if (rc == null) continue;
            citers(rc.sourceId(), rc.anchor()).removeIf(i -> i == owner);
            writable(citationsOfSource, rc.sourceId()).removeIf(p -> p.citation() == rc);
        }
    }

    // ---- Back-link lists, copied on first write (a patch shares the rest with its base link) ----

    /** The lists (and citedBy's per-source maps) this link made or copied, and the keys it wrote, per map. */
    private java.util.Set<Object> owned = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private Map<Map<String, ?>, java.util.Set<String>> written = new java.util.IdentityHashMap<>();
    private java.util.Set<String> citedSources = new java.util.HashSet<>();

    private <T> List<T> writable(Map<String, List<T>> map, String key) {
        written.computeIfAbsent(map, m -> new java.util.HashSet<>()).add(key);
        List<T> l = map.get(key);
        if (l == null || !owned.contains(l)) {
            l = l == null ? new ArrayList<>() : new ArrayList<>(l);
            map.put(key, l);
            owned.add(l);
        }
        return l;
    }

    private List<Item> citers(String source, String anchor) {
        citedSources.add(source);
        Map<String, List<Item>> byAnchor = citedBy.get(source);
        if (byAnchor == null || !owned.contains(byAnchor)) {
            byAnchor = byAnchor == null ? new TreeMap<>() : new TreeMap<>(byAnchor);
            citedBy.put(source, byAnchor);
            owned.add(byAnchor);
        }
        return writable(byAnchor, anchor);
    }

    /** Puts every written list in its order and drops the empty ones; the link's maps are final after it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void settle() {
        for (var e : written.entrySet()) {
            Map<String, List> map = (Map<String, List>) (Map) e.getKey();
            Object m = map; // the only other lists written are citedBy's, per source and paragraph
            java.util.Comparator order = m == citationsOfSource ? TEXT_ORDER
                    : m == sourcesIn || m == commentaryIn || m == claimsIn || m == commentaryAbout || m == claimsCiting
                    || m == claimsBy || m == sourcesMentioning ? ID_ORDER : KIND_ID_ORDER;
            for (String k : e.getValue()) {
                List l = map.get(k);
                if (l.isEmpty()) {
                    map.remove(k);
                    continue;
                }
                l.sort(order);
                if (order == KIND_ID_ORDER) { // an item citing a paragraph twice is listed once
                    List<Item> items = (List<Item>) l;
                    for (int i = items.size() - 1; i > 0; i--) {
                        if (KIND_ID_ORDER.compare(items.get(i), items.get(i - 1)) == 0) items.remove(i);
                    }
                }
            }
        }
        for (String s : citedSources) if (citedBy.get(s).isEmpty()) citedBy.remove(s);
        owned = null;
        written = null;
        citedSources = null;
    }

    /** Whether this link patched an earlier one. */
    boolean patched() {
        return patchedFrom != null || patchedItems != null;
    }

    private MentionScanner mentionScanner;

    /** The scanner of this link's people (made when first needed: after the kinds are indexed). */
    private MentionScanner mentions() {
        if (mentionScanner == null) mentionScanner = new MentionScanner(people, memo);
        return mentionScanner;
    }

    private static String key(Item i) {
        return Reads.key(i);
    }

    /** Returns the items most related to an item (shared topics, people and sources), computed once. */
    public List<Item> relatedTo(Item item) {
        Reads.item(item);
        return Reads.returned(relatedItems.getOrDefault(key(item), List.of()).stream().map(itemsByKey::get).toList());
    }


    /**
     * Returns the {@link Reads} keys whose answers differ between an earlier link and this one ({@link GraphDiff}).
     */
    public java.util.Set<String> changedSince(Archive old) {
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
    void neighbours(Item item, java.util.Set<String> into) {
        java.util.function.Consumer<Item> add = i -> into.add(key(i));
        java.util.function.BiConsumer<String, List<Ref>> refs = (kind, list) -> list.forEach(r -> into.add(kind + ":" + r.id()));
        java.util.function.Consumer<Body> cites = b -> {
            RichText rt = richTexts.get(b);
            if (rt != null) rt.citations().forEach(rc -> {
                if (rc != null) into.add("source:" + rc.sourceId());
            });
        };
        switch (item) {
            case Source s -> {
                refs.accept("topic", s.topics());
                peopleMentioned.getOrDefault(s.id(), List.of()).forEach(add);
                citedBy.getOrDefault(s.id(), Map.of()).values().forEach(l -> l.forEach(add));
                claimsCiting.getOrDefault(s.id(), List.of()).forEach(add);
                commentaryAbout.getOrDefault(s.id(), List.of()).forEach(add);
                cites.accept(s.note());
            }
            case Commentary c -> {
                refs.accept("source", c.about());
                refs.accept("topic", c.topics());
                cites.accept(c.body());
            }
            case Claim c -> {
                refs.accept("topic", c.topics());
                refs.accept("person", c.by());
                c.relations().forEach(r -> into.add("claim:" + r.claim().id()));
                relatedClaims.getOrDefault(c.id(), List.of()).forEach(r -> add.accept(r.claim()));
                c.citations().forEach(r -> into.add("source:" + r.sourceId()));
                cites.accept(c.body());
            }
            case Topic t -> {
                refs.accept("topic", t.related());
                cites.accept(t.body());
            }
            case Person p -> {
                sourcesMentioning.getOrDefault(p.id(), List.of()).forEach(add);
                p.roles().forEach(r -> into.add("source:" + r.citation().sourceId()));
                cites.accept(p.body());
            }
        }
    }

    // ---- Queries (all answered from maps computed once) ----

    /** Returns the parsed corpus. */
    public Corpus corpus() {
        return corpus;
    }

    /** Returns the sources by id. */
    public Collection<Source> sources() {
        Reads.all("source");
        return sources.values();
    }

    /** Returns the commentary by id. */
    public Collection<Commentary> commentary() {
        Reads.all("commentary");
        return commentary.values();
    }

    /** Returns the claims by id. */
    public Collection<Claim> claims() {
        Reads.all("claim");
        return claims.values();
    }

    /** Returns the topics by id. */
    public Collection<Topic> topics() {
        Reads.all("topic");
        return topics.values();
    }

    /** Returns the people and organisations by id. */
    public Collection<Person> people() {
        Reads.all("person");
        return people.values();
    }

    /** Returns the item of a kind with an id, if there is one. */
    public Optional<Item> item(String kind, String id) {
        Reads.id(kind, id);
        return Optional.ofNullable(kind(kind).get(id));
    }

    /** Returns whether an item of a kind has an id. */
    public boolean has(String kind, String id) {
        return item(kind, id).isPresent();
    }

    /** Returns every item: sources, commentary, claims, topics, then people, each kind in id order. */
    public List<Item> items() {
        org.evidencearchive.content.Scaffold.KINDS.forEach(Reads::all);
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
        Reads.id("source", id);
        return Optional.ofNullable(sources.get(id));
    }

    /** Returns a topic by id. */
    public Optional<Topic> topic(String id) {
        Reads.id("topic", id);
        return Optional.ofNullable(topics.get(id));
    }

    /** Returns a claim by id. */
    public Optional<Claim> claim(String id) {
        Reads.id("claim", id);
        return Optional.ofNullable(claims.get(id));
    }

    /** Returns a person or organisation by id. */
    public Optional<Person> person(String id) {
        Reads.id("person", id);
        return Optional.ofNullable(people.get(id));
    }

    /** Returns the resolved form of a body. */
    public RichText rich(Body body) {
        return richTexts.get(body);
    }

    /** Returns a claim's resolved citations. */
    public List<ResolvedCitation> citations(Claim c) {
        Reads.item(c);
        return claimCitations.getOrDefault(c.id(), List.of());
    }

    /** Returns a person's resolved role citations, in the order of their roles (failed ones left out). */
    public List<ResolvedCitation> roleCitations(Person p) {
        Reads.item(p);
        return roleCitations.getOrDefault(p.id(), List.of());
    }

    /** Returns the items citing each paragraph of a source, by anchor. */
    public Map<String, List<Item>> citedBy(Source s) {
        Reads.item(s);
        Map<String, List<Item>> byAnchor = citedBy.getOrDefault(s.id(), Map.of());
        byAnchor.values().forEach(Reads::items);
        return byAnchor;
    }

    /** Returns every resolved citation of a source, in text order. */
    public List<ResolvedCitation> citationsOf(Source s) {
        Reads.item(s);
        return citationsOfSource.getOrDefault(s.id(), List.of()).stream().map(Placed::citation).toList();
    }

    /** Returns the claims related to a claim. */
    public List<Related> related(Claim c) {
        Reads.item(c);
        List<Related> related = relatedClaims.getOrDefault(c.id(), List.of());
        related.forEach(r -> Reads.item(r.claim()));
        return related;
    }

    /** Returns the commentary about a source. */
    public List<Commentary> commentaryAbout(Source s) {
        Reads.item(s);
        return Reads.returned(commentaryAbout.getOrDefault(s.id(), List.of()));
    }

    /** Returns the claims citing a source. */
    public List<Claim> claimsCiting(Source s) {
        Reads.item(s);
        return Reads.returned(claimsCiting.getOrDefault(s.id(), List.of()));
    }

    /** Returns the sources of a topic, in id order. */
    public List<Source> sourcesIn(Topic t) {
        Reads.item(t);
        return Reads.returned(sourcesIn.getOrDefault(t.id(), List.of()));
    }

    /** Returns the commentary of a topic, in id order. */
    public List<Commentary> commentaryIn(Topic t) {
        Reads.item(t);
        return Reads.returned(commentaryIn.getOrDefault(t.id(), List.of()));
    }

    /** Returns the claims of a topic, in id order. */
    public List<Claim> claimsIn(Topic t) {
        Reads.item(t);
        return Reads.returned(claimsIn.getOrDefault(t.id(), List.of()));
    }

    /** Returns the topics an item names, skipping unknown ones. */
    public List<Topic> topicsOf(List<Ref> refs) {
        refs.forEach(r -> Reads.id("topic", r.id()));
        return refs.stream().map(r -> topics.get(r.id())).filter(java.util.Objects::nonNull).toList();
    }

    /** Returns the people an item names, skipping unknown ones. */
    public List<Person> peopleOf(List<Ref> refs) {
        refs.forEach(r -> Reads.id("person", r.id()));
        return refs.stream().map(r -> people.get(r.id())).filter(java.util.Objects::nonNull).toList();
    }

    /** Returns the claims held by a person or organisation. */
    public List<Claim> claimsBy(Person p) {
        Reads.item(p);
        return Reads.returned(claimsBy.getOrDefault(p.id(), List.of()));
    }

    /** Returns the sources whose text names a person (by one of their mentions). */
    public List<Source> sourcesMentioning(Person p) {
        Reads.item(p);
        return Reads.returned(sourcesMentioning.getOrDefault(p.id(), List.of()));
    }

    /** Returns the people and organisations a source's text names. */
    public List<Person> peopleMentionedIn(Source s) {
        Reads.item(s);
        return Reads.returned(peopleMentioned.getOrDefault(s.id(), List.of()));
    }
}
