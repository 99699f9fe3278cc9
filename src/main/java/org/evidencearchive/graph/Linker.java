package org.evidencearchive.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.check.Suggestions;
import org.evidencearchive.cite.InlineCitations;
import org.evidencearchive.cite.QuoteMatcher;
import org.evidencearchive.cite.QuoteNormalizer;
import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.content.Body;
import org.evidencearchive.content.CitationRef;
import org.evidencearchive.content.Claim;
import org.evidencearchive.content.Corpus;
import org.evidencearchive.content.Item;
import org.evidencearchive.content.Kind;
import org.evidencearchive.content.Person;
import org.evidencearchive.content.Source;

/**
 * Links a parsed corpus into an {@link Archive}: checks every reference, resolves every citation against its
 * source, and fills the back-link lists, each item's links read from {@link Edges}. A whole link does this for
 * every item; a patch of an earlier link (archive serve) takes back what the changed items and the items
 * pointing at them contributed, and links their new versions. Once a link is settled its maps do not change.
 */
final class Linker {
    private final Archive a;
    private final Diagnostics d;
    private MentionScanner mentionScanner;

    private Linker(Archive a, Diagnostics d) {
        this.a = a;
        this.d = d;
    }

    /** See {@link Archive#link(Corpus, Diagnostics, LinkMemo)}. */
    static Archive link(Corpus corpus, Diagnostics diagnostics, LinkMemo memo) {
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
        Linker l = new Linker(a, d);
        a.indexKinds(d, null);
        l.mentions().scanAll(a.sources.values());
        for (Item i : a.all()) l.contribute(i);
        ClaimRelations.relate(a, null, List.of());
        l.settle();
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
                for (Item dependent : dependents(base, e, a.current(e) == null)) {
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
        Linker l = new Linker(a, d);
        old.forEach(l::withdraw);
        List<Item> redo = new ArrayList<>(now);
        redo.sort(Archive.KIND_ID_ORDER);
        for (Item i : redo) l.contribute(i);
        ClaimRelations.relate(a, relations, redo.stream().filter(i -> i instanceof Claim).map(i -> (Claim) i).toList());
        l.settle();
        java.util.Set<Key> touched = new java.util.HashSet<>();
        for (Item e : edited) touched.add(Key.of(e));
        for (Item i : redo) {
            if (i instanceof Claim c && base.claimCitations.get(c.id()) != a.claimCitations.get(c.id())) touched.add(Key.of(c));
        }
        a.patchedFrom = base;
        a.patchedItems = edited;
        base.patchedFrom = null; // keep no chain of earlier links alive
        base.patchedItems = null;
        RelatedItems.relate(a, touched);
        return a;
    }

    /**
     * Returns the items of a (base) link whose linking depends on an item that is now changed or gone: whatever
     * cites a source, and, when it is gone, everything with a link to it (its reference must now be reported).
     */
    private static java.util.Collection<Item> dependents(Archive base, Item e, boolean gone) {
        if (gone) return Edges.incoming(e, base);
        List<Item> out = new ArrayList<>();
        if (e instanceof Source s) base.citedBy.getOrDefault(s.id(), Map.of()).values().forEach(out::addAll);
        return out;
    }

    /** The scanner of this link's people (made when first needed: after the kinds are indexed). */
    private MentionScanner mentions() {
        if (mentionScanner == null) mentionScanner = new MentionScanner(a.people, a.memo);
        return mentionScanner;
    }

    // ---- One item's part of the graph: what it contributes, and withdrawing it again ----

    /** Checks an item's references, resolves its citations, and adds it to the back-links it belongs to. */
    private void contribute(Item item) {
        for (Edges.Edge e : Edges.declared(item)) {
            if (e.type().reference) reference(e);
            if (e.type() == Edges.Type.RELATION && e.id().equals(item.id())) {
                d.error(e.origin().file(), e.origin().line(), e.origin().column(), "a claim cannot relate to itself", null);
            }
        }
        if (item instanceof Claim c) a.claimCitations.put(c.id(), resolveAll(c.citations(), c, 0));
        if (item instanceof Person p) a.roleCitations.put(p.id(), resolveAll(p.roles().stream().map(Person.Role::citation).toList(), p, 1));
        rich(Edges.body(item), item, 2 + item.kind().ordinal());
        if (item instanceof Source s) a.peopleMentioned.put(s.id(), mentions().mentioned(s));
        for (Edges.Edge e : backLinked(item)) writable(Edges.backLinks(e.type(), item, a), e.id()).add(item);
    }

    /** Takes back what an item of the base link contributed, before its new version (if any) contributes. */
    private void withdraw(Item item) {
        for (Edges.Edge e : backLinked(item)) writable(Edges.backLinks(e.type(), item, a), e.id()).remove(item);
        uncite(item, a.richTexts.remove(Edges.body(item)).citations());
        if (item instanceof Claim c) uncite(c, a.claimCitations.remove(c.id()));
        if (item instanceof Person p) uncite(p, a.roleCitations.remove(p.id()));
        if (item instanceof Source s) a.peopleMentioned.remove(s.id());
    }

    /** An item's links that put it in a back-link list, each list and id once. */
    private List<Edges.Edge> backLinked(Item item) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Edges.Edge> out = new ArrayList<>();
        for (Edges.Edge e : Edges.of(item, a)) {
            if (Edges.backLinks(e.type(), item, a) != null && seen.add(e.type() + ":" + e.id())) out.add(e);
        }
        return out;
    }

    /** Reports a reference to an item that does not exist (unless its file is broken: that is reported already). */
    private void reference(Edges.Edge e) {
        Kind kind = e.type().target;
        Map<String, ? extends Item> targets = a.kind(kind);
        String what = kind == Kind.PERSON ? "person or organisation" : kind.word();
        if (!targets.containsKey(e.id()) && !a.corpus().unparsed().contains(kind + ":" + e.id())) {
            d.error(e.origin().file(), e.origin().line(), e.origin().column(), "unknown " + what + " '" + e.id() + "'",
                    Suggestions.didYouMean(e.id(), targets.keySet(), what + " ids"));
        }
    }

    private void rich(Body body, Item owner, int rank) {
        InlineCitations.Extracted x = a.memo.extracted(body);
        for (var m : x.malformed()) {
            d.error(m.origin().file(), m.origin().line(), m.origin().column(), "malformed citation: " + m.text(),
                    "write [@source-id \"exact quote\"] or [@source-id#p4 \"exact quote\"]");
        }
        List<ResolvedCitation> resolved = new ArrayList<>();
        for (CitationRef ref : x.citations()) {
            ResolvedCitation rc = resolve(ref).orElse(null);
            if (rc != null) cite(owner, rc, rank, resolved.size());
            resolved.add(rc);
        }
        a.richTexts.put(body, new RichText(body, x.markdown(), java.util.Collections.unmodifiableList(resolved)));
    }

    private List<ResolvedCitation> resolveAll(List<CitationRef> refs, Item owner, int rank) {
        List<ResolvedCitation> out = new ArrayList<>();
        for (CitationRef ref : refs) {
            resolve(ref).ifPresent(rc -> {
                cite(owner, rc, rank, out.size());
                out.add(rc);
            });
        }
        return a.memo.same(owner, List.copyOf(out)); // an unchanged list is the same object as in the last link
    }

    private Optional<ResolvedCitation> resolve(CitationRef ref) {
        Source s = a.sources.get(ref.sourceId());
        if (s == null && a.corpus().unparsed().contains("source:" + ref.sourceId())) return Optional.empty();
        if (s == null) {
            d.error(ref.sourceOrigin().file(), ref.sourceOrigin().line(), ref.sourceOrigin().column(), "unknown source '" + ref.sourceId() + "'",
                    Suggestions.didYouMean(ref.sourceId(), a.sources.keySet(), "source ids"));
            return Optional.empty();
        }
        LinkMemo.Resolution memoized = a.memo.resolution(ref, s);
        if (memoized == null) {
            Diagnostics found = new Diagnostics();
            Optional<ResolvedCitation> result = QuoteMatcher.resolve(ref, s, found,
                    p -> a.memo.normalized(p, x -> QuoteNormalizer.map(x.text())));
            memoized = new LinkMemo.Resolution(s, result, found.sorted());
            a.memo.resolved(ref, memoized);
        }
        memoized.diagnostics().forEach(d::add);
        return memoized.result();
    }

    /** Adds a resolved citation to its source's back-links. */
    private void cite(Item owner, ResolvedCitation rc, int rank, int index) {
        citers(rc.sourceId(), rc.anchor()).add(owner);
        writable(a.citationsOfSource, rc.sourceId()).add(new Archive.Placed(rc, rank, owner.id(), index));
    }

    /** Takes resolved citations out of their sources' back-links. */
    private void uncite(Item owner, List<ResolvedCitation> citations) {
        for (ResolvedCitation rc : citations) {
            if (rc == null) continue;
            citers(rc.sourceId(), rc.anchor()).removeIf(i -> i == owner);
            writable(a.citationsOfSource, rc.sourceId()).removeIf(p -> p.citation() == rc);
        }
    }

    // ---- Back-link lists, copied on first write (a patch shares the rest with its base link) ----

    /** The lists (and a.citedBy's per-source maps) this link made or copied, and the keys it wrote, per map. */
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
        Map<String, List<Item>> byAnchor = a.citedBy.get(source);
        if (byAnchor == null || !owned.contains(byAnchor)) {
            byAnchor = byAnchor == null ? new TreeMap<>() : new TreeMap<>(byAnchor);
            a.citedBy.put(source, byAnchor);
            owned.add(byAnchor);
        }
        return writable(byAnchor, anchor);
    }

    /** Puts every written list in its order and drops the empty ones; the link's maps are final after it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void settle() {
        for (var e : written.entrySet()) {
            Map<String, List> map = (Map<String, List>) (Map) e.getKey();
            Object m = map; // the only other lists written are a.citedBy's, per source and paragraph
            java.util.Comparator order = m == a.citationsOfSource ? Archive.TEXT_ORDER
                    : m == a.sourcesIn || m == a.commentaryIn || m == a.claimsIn || m == a.commentaryAbout || m == a.claimsCiting
                    || m == a.claimsBy || m == a.sourcesMentioning ? Archive.ID_ORDER : Archive.KIND_ID_ORDER;
            for (String k : e.getValue()) {
                List l = map.get(k);
                if (l.isEmpty()) {
                    map.remove(k);
                    continue;
                }
                l.sort(order);
                if (order == Archive.KIND_ID_ORDER) { // an item citing a paragraph twice is listed once
                    List<Item> items = (List<Item>) l;
                    for (int i = items.size() - 1; i > 0; i--) {
                        if (Archive.KIND_ID_ORDER.compare(items.get(i), items.get(i - 1)) == 0) items.remove(i);
                    }
                }
            }
        }
        for (String s : citedSources) if (a.citedBy.get(s).isEmpty()) a.citedBy.remove(s);
        owned = null;
        written = null;
        citedSources = null;
    }
}
