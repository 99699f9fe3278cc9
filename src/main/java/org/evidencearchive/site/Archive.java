package org.evidencearchive.site;

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
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Map<String, Commentary> commentary = new LinkedHashMap<>();
    private final Map<String, Claim> claims = new LinkedHashMap<>();
    private final Map<String, Topic> topics = new LinkedHashMap<>();
    private final Map<String, Person> people = new LinkedHashMap<>();
    /** Each body's resolved form, by the body's identity (pages ask with the body of the item they show). */
    private final Map<Body, RichText> richTexts = new java.util.IdentityHashMap<>();
    private final Map<String, List<ResolvedCitation>> claimCitations = new HashMap<>();
    private final Map<String, List<ResolvedCitation>> roleCitations = new HashMap<>();
    /** source id → anchor → items citing that paragraph (ordered by kind and id). */
    private final Map<String, Map<String, List<Item>>> citedBy = new HashMap<>();
    /** source id → every resolved citation of it. */
    private final Map<String, List<ResolvedCitation>> citationsOfSource = new HashMap<>();
    private final Map<String, List<Commentary>> commentaryAbout = new HashMap<>();
    private final Map<String, List<Claim>> claimsCiting = new HashMap<>();
    private final Map<String, List<Claim>> claimsBy = new HashMap<>();
    private final Map<String, List<Source>> sourcesMentioning = new HashMap<>();
    private final Map<String, List<Person>> peopleMentioned = new HashMap<>();
    private final Map<String, List<Source>> sourcesIn = new HashMap<>();
    private final Map<String, List<Commentary>> commentaryIn = new HashMap<>();
    private final Map<String, List<Claim>> claimsIn = new HashMap<>();
    /** claim id → related claims (both directions), as (relation label, claim). */
    private final Map<String, List<Related>> relatedClaims = new HashMap<>();

    /** A relation between two claims as seen from one of them. */
    public record Related(String label, Claim claim) {}

    private final LinkMemo memo;

    private Archive(Corpus corpus, LinkMemo memo) {
        this.corpus = corpus;
        this.memo = memo;
    }

    /** Links a parsed corpus into a graph, reporting every dangling reference and failing citation. */
    public static Archive link(Corpus corpus, Diagnostics diagnostics) {
        return link(corpus, diagnostics, LinkMemo.none());
    }

    /**
     * Links a parsed corpus, re-using what an earlier link with the same memo computed for items that have not
     * changed (the same objects); the result is the same as linking from nothing.
     */
    public static Archive link(Corpus corpus, Diagnostics diagnostics, LinkMemo memo) {
        Archive a = new Archive(corpus, memo);
        a.index(corpus.sources(), a.sources, diagnostics);
        a.index(corpus.commentary(), a.commentary, diagnostics);
        a.index(corpus.claims(), a.claims, diagnostics);
        a.index(corpus.topics(), a.topics, diagnostics);
        a.index(corpus.people(), a.people, diagnostics);
        a.checkReferences(diagnostics);
        a.resolveCitations(diagnostics);
        a.relateClaims();
        a.indexBackLinks();
        a.relateItems();
        memo.advance();
        return a;
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

    private void checkReferences(Diagnostics d) {
        for (Source s : sources.values()) refs(s.topics(), topics, "topic", d);
        for (Commentary c : commentary.values()) {
            refs(c.about(), sources, "source", d);
            refs(c.topics(), topics, "topic", d);
        }
        for (Claim c : claims.values()) {
            refs(c.topics(), topics, "topic", d);
            refs(c.by(), people, "person", d);
            for (Claim.Relation r : c.relations()) {
                refs(List.of(r.claim()), claims, "claim", d);
                if (r.claim().id().equals(c.id())) {
                    d.error(r.claim().origin().file(), r.claim().origin().line(), "a claim cannot relate to itself", null);
                }
            }
        }
        for (Topic t : topics.values()) refs(t.related(), topics, "topic", d);
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

    private void resolveCitations(Diagnostics d) {
        for (Claim c : claims.values()) {
            claimCitations.put(c.id(), resolveAll(c.citations(), c, d));
        }
        for (Person p : people.values()) {
            roleCitations.put(p.id(), resolveAll(p.roles().stream().map(Person.Role::citation).toList(), p, d));
        }
        for (Source s : sources.values()) rich(s.note(), s, d);
        for (Commentary c : commentary.values()) rich(c.body(), c, d);
        for (Claim c : claims.values()) rich(c.body(), c, d);
        for (Topic t : topics.values()) rich(t.body(), t, d);
        for (Person p : people.values()) rich(p.body(), p, d);
        for (var bySource : citedBy.values()) {
            for (var list : bySource.values()) {
                List<Item> unique = new ArrayList<>(new java.util.LinkedHashSet<>(list));
                unique.sort(java.util.Comparator.comparing(Item::kind).thenComparing(Item::id));
                list.clear();
                list.addAll(unique);
            }
        }
        for (var list : citationsOfSource.values()) {
            list.sort(java.util.Comparator.comparingInt(ResolvedCitation::start).thenComparingInt(ResolvedCitation::end));
        }
    }

    private void rich(Body body, Item owner, Diagnostics d) {
        InlineCitations.Extracted x = memo.extracted(body);
        for (var m : x.malformed()) {
            d.error(m.origin().file(), m.origin().line(), "malformed citation: " + m.text(),
                    "write [@source-id \"exact quote\"] or [@source-id#p4 \"exact quote\"]");
        }
        List<ResolvedCitation> resolved = new ArrayList<>();
        for (CitationRef ref : x.citations()) {
            resolved.add(resolve(ref, owner, d).orElse(null));
        }
        richTexts.put(body, new RichText(body, x.markdown(), java.util.Collections.unmodifiableList(resolved)));
    }

    private List<ResolvedCitation> resolveAll(List<CitationRef> refs, Item owner, Diagnostics d) {
        List<ResolvedCitation> out = new ArrayList<>();
        for (CitationRef ref : refs) resolve(ref, owner, d).ifPresent(out::add);
        return memo.same(owner, List.copyOf(out)); // an unchanged list is the same object as in the last link
    }

    private Optional<ResolvedCitation> resolve(CitationRef ref, Item owner, Diagnostics d) {
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
        Optional<ResolvedCitation> r = memoized.result();
        r.ifPresent(rc -> {
            citedBy.computeIfAbsent(s.id(), k -> new TreeMap<>()).computeIfAbsent(rc.anchor(), k -> new ArrayList<>()).add(owner);
            citationsOfSource.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(rc);
        });
        return r;
    }

    private void relateClaims() {
        for (Claim c : claims.values()) {
            for (Claim.Relation r : c.relations()) {
                Claim other = claims.get(r.claim().id());
                if (other == null || other == c) continue;
                relatedClaims.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(new Related(label(r.type(), true), other));
                relatedClaims.computeIfAbsent(other.id(), k -> new ArrayList<>()).add(new Related(label(r.type(), false), c));
            }
        }
    }

    /** Items sharing more than this many of a feature learn nothing from it (a topic everything has). */
    private static final int COMMON_FEATURE = 400;
    private static final int RELATED_SHOWN = 6;
    /** item key → the keys of the items most related to it. */
    private final Map<String, List<String>> relatedItems = new HashMap<>();

    private static String key(Item i) {
        return i.kind() + ":" + i.id();
    }

    /** What an item is about, as features shared with related items: topics, people and sources. */
    private java.util.Set<String> features(Item item) {
        java.util.Set<String> f = new java.util.TreeSet<>();
        switch (item) {
            case Source s -> {
                s.topics().forEach(r -> f.add("topic:" + r.id()));
                peopleMentionedIn(s).forEach(p -> f.add("person:" + p.id()));
                f.add("source:" + s.id());
            }
            case Commentary c -> {
                c.topics().forEach(r -> f.add("topic:" + r.id()));
                c.about().forEach(r -> f.add("source:" + r.id()));
            }
            case Claim c -> {
                c.topics().forEach(r -> f.add("topic:" + r.id()));
                c.by().forEach(r -> f.add("person:" + r.id()));
                citations(c).forEach(rc -> f.add("source:" + rc.sourceId()));
            }
            case Topic t -> {
                f.add("topic:" + t.id());
                t.related().forEach(r -> f.add("topic:" + r.id()));
            }
            case Person p -> f.add("person:" + p.id());
        }
        return f;
    }

    /**
     * Scores every item against those sharing a feature with it (topics, people, sources) and keeps the best
     * few. After an edit only some scores change: those of the edited items and of the members of every feature
     * whose members changed (a feature's weight follows its size); the rest keep the lists the memo has.
     */
    private void relateItems() {
        List<Item> all = items();
        Map<String, Item> byKey = new HashMap<>(all.size() * 2);
        for (Item i : all) byKey.put(key(i), i);
        LinkMemo.Related r = memo.related();
        java.util.Set<String> rescore = new java.util.HashSet<>();
        if (r == null || memo.mentionsChanged()) {
            r = new LinkMemo.Related(new HashMap<>(), new HashMap<>(), new HashMap<>(), Map.of(), Map.of());
            for (Item i : all) {
                var f = features(i);
                String k = key(i);
                r.features().put(k, f);
            }
            LinkMemo.Related full = r;
            for (Item i : all) for (String f : full.features().get(key(i))) full.members().computeIfAbsent(f, x -> new java.util.LinkedHashSet<>()).add(key(i));
            rescore.addAll(byKey.keySet());
        } else {
            java.util.Set<String> touched = new java.util.HashSet<>();
            for (var e : byKey.entrySet()) if (r.items().get(e.getKey()) != e.getValue()) touched.add(e.getKey());
            for (String k : r.items().keySet()) if (!byKey.containsKey(k)) touched.add(k);
            for (Claim c : claims.values()) if (claimCitations.get(c.id()) != r.claimCitations().get(c.id())) touched.add(key(c));
            for (String k : touched) {
                Item now = byKey.get(k);
                java.util.Set<String> was = r.features().get(k);
                java.util.Set<String> is = now == null ? null : features(now);
                if (was != null && was.equals(is)) continue; // scores follow features only: nothing to redo
                if (was != null) {
                    for (String f : was) {
                        var m = r.members().get(f);
                        if (m.size() <= COMMON_FEATURE + 1) rescore.addAll(m);
                        m.remove(k);
                        if (m.isEmpty()) r.members().remove(f);
                    }
                }
                if (is != null) {
                    r.features().put(k, is);
                    for (String f : is) {
                        var m = r.members().computeIfAbsent(f, x -> new java.util.LinkedHashSet<>());
                        m.add(k);
                        if (m.size() <= COMMON_FEATURE + 1) rescore.addAll(m);
                    }
                    rescore.add(k);
                } else {
                    r.features().remove(k);
                    r.related().remove(k);
                }
            }
            rescore.retainAll(byKey.keySet());
        }
        LinkMemo.Related memoized = r;
        List<String> scored = rescore.stream().sorted().toList();
        List<List<String>> lists = scored.parallelStream().map(k -> {
            Item i = byKey.get(k);
            Map<Item, Double> score = new HashMap<>();
            for (String f : memoized.features().get(k)) {
                var sharing = memoized.members().get(f);
                if (sharing.size() > COMMON_FEATURE) continue;
                double weight = 1.0 / Math.log(2 + sharing.size());
                for (String o : sharing) {
                    Item other = byKey.get(o);
                    if (other != i) score.merge(other, weight, Double::sum);
                }
            }
            return score.entrySet().stream()
                    .sorted(Map.Entry.<Item, Double>comparingByValue().reversed()
                            .thenComparing(e -> e.getKey().kind()).thenComparing(e -> e.getKey().id()))
                    .limit(RELATED_SHOWN).map(e -> key(e.getKey())).toList();
        }).toList();
        for (int k = 0; k < scored.size(); k++) r.related().put(scored.get(k), lists.get(k));
        relatedItems.putAll(r.related()); // a copy: the memo's map changes with the next link
        this.itemsByKey = byKey;
        // This link's maps are not changed after it, so the memo can point at them.
        memo.related(new LinkMemo.Related(r.members(), r.features(), r.related(), byKey, claimCitations));
    }

    private Map<String, Item> itemsByKey = Map.of();

    /** Returns the items most related to an item (shared topics, people and sources), computed once. */
    public List<Item> relatedTo(Item item) {
        Reads.item(item);
        return Reads.returned(relatedItems.getOrDefault(key(item), List.of()).stream().map(itemsByKey::get).toList());
    }

    private static String label(String type, boolean forward) {
        return switch (type) {
            case "same-figure" -> "Same figure reported differently";
            case "same-measure" -> "Same measure, another period or place";
            case "contrasts" -> "Stands in contrast to";
            case "disputes" -> forward ? "Disputes" : "Disputed by";
            case "responds-to" -> forward ? "Responds to" : "Answered by";
            default -> type;
        };
    }

    // ---- What changed (for rebuilding only the pages an edit affects) ----

    /**
     * Returns the {@link Reads} keys whose answers differ between an earlier link and this one: every item
     * added, removed or re-parsed (a new object), {@code any:kind} for each kind with such an item, and every
     * item whose derived lists (citations, back-links, mentions, related items, topic members) changed.
     */
    public java.util.Set<String> changedSince(Archive old) {
        java.util.Set<String> changed = new java.util.HashSet<>();
        List<Item> edited = new ArrayList<>();
        items(old.sources, sources, changed, edited);
        items(old.commentary, commentary, changed, edited);
        items(old.claims, claims, changed, edited);
        items(old.topics, topics, changed, edited);
        items(old.people, people, changed, edited);
        // A derived list can change only where an edited item (before or after the edit) points.
        java.util.Set<String> near = new java.util.HashSet<>();
        for (Item i : edited) {
            near.add(key(i));
            old.neighbours(i, near);
            neighbours(i, near);
        }
        Diff diff = new Diff(near, changed);
        diff.of(old.claimCitations, claimCitations, "claim:", java.util.Objects::equals);
        diff.of(old.roleCitations, roleCitations, "person:", java.util.Objects::equals);
        diff.of(old.citationsOfSource, citationsOfSource, "source:", java.util.Objects::equals);
        diff.of(old.citedBy, citedBy, "source:", (a, b) -> a.keySet().equals(b.keySet())
                && a.keySet().stream().allMatch(k -> sameItems(a.get(k), b.get(k))));
        diff.of(old.commentaryAbout, commentaryAbout, "source:", Archive::sameItems);
        diff.of(old.claimsCiting, claimsCiting, "source:", Archive::sameItems);
        diff.of(old.peopleMentioned, peopleMentioned, "source:", Archive::sameItems);
        diff.of(old.claimsBy, claimsBy, "person:", Archive::sameItems);
        diff.of(old.sourcesMentioning, sourcesMentioning, "person:", Archive::sameItems);
        diff.of(old.sourcesIn, sourcesIn, "topic:", Archive::sameItems);
        diff.of(old.commentaryIn, commentaryIn, "topic:", Archive::sameItems);
        diff.of(old.claimsIn, claimsIn, "topic:", Archive::sameItems);
        diff.of(old.relatedClaims, relatedClaims, "claim:", (a, b) -> a.size() == b.size()
                && java.util.stream.IntStream.range(0, a.size()).allMatch(k -> a.get(k).label().equals(b.get(k).label())
                && a.get(k).claim().id().equals(b.get(k).claim().id())));
        // Related items can change far from an edit (a shared feature's weight); unchanged lists are the same objects.
        for (var e : relatedItems.entrySet()) {
            List<String> was = old.relatedItems.get(e.getKey());
            if (was != e.getValue() && !e.getValue().equals(was)) changed.add(e.getKey());
        }
        for (String k : old.relatedItems.keySet()) if (!relatedItems.containsKey(k)) changed.add(k);
        return changed;
    }

    /** Adds the keys of everything an item points to in this archive, and of everything pointing to it. */
    private void neighbours(Item item, java.util.Set<String> into) {
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

    /** Compares derived lists at some keys, noting the keys whose lists differ. */
    private record Diff(java.util.Set<String> near, java.util.Set<String> changed) {
        <V> void of(Map<String, V> before, Map<String, V> after, String prefix, java.util.function.BiPredicate<V, V> same) {
            for (String k : near) {
                if (!k.startsWith(prefix)) continue;
                String id = k.substring(prefix.length());
                V was = before.get(id);
                V now = after.get(id);
                if (was == null && now == null) continue;
                if (was == null || now == null || !same.test(was, now)) changed.add(k);
            }
        }
    }

    private static <T extends Item> void items(Map<String, T> before, Map<String, T> after, java.util.Set<String> changed,
                                               List<Item> edited) {
        boolean any = before.size() != after.size();
        for (var e : after.entrySet()) {
            T was = before.get(e.getKey());
            if (was != e.getValue()) {
                changed.add(Reads.key(e.getValue()));
                edited.add(e.getValue());
                if (was != null) edited.add(was);
                any = true;
            }
        }
        for (var e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                changed.add(Reads.key(e.getValue()));
                edited.add(e.getValue());
                any = true;
            }
        }
        if (any) changed.add(Reads.any((after.isEmpty() ? before : after).values().iterator().next().kind()));
    }

    private static boolean sameItems(List<? extends Item> a, List<? extends Item> b) {
        if (a.size() != b.size()) return false;
        for (int k = 0; k < a.size(); k++) {
            if (!a.get(k).id().equals(b.get(k).id()) || !a.get(k).kind().equals(b.get(k).kind())) return false;
        }
        return true;
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
        return Optional.ofNullable(switch (kind) {
            case "source" -> sources.get(id);
            case "commentary" -> commentary.get(id);
            case "claim" -> claims.get(id);
            case "topic" -> topics.get(id);
            case "person" -> people.get(id);
            default -> null;
        });
    }

    /** Returns whether an item of a kind has an id. */
    public boolean has(String kind, String id) {
        return item(kind, id).isPresent();
    }

    /** Returns every item: sources, commentary, claims, topics, then people, each kind in id order. */
    public List<Item> items() {
        List<Item> all = new ArrayList<>();
        all.addAll(sources());
        all.addAll(commentary());
        all.addAll(claims());
        all.addAll(topics());
        all.addAll(people());
        return all;
    }

    /**
     * Returns whether this archive has the same link targets as an earlier link of it: the same items of every
     * kind, the same unparsed files, and the same paragraph anchors in every source.
     */
    public boolean sameTargets(Archive old) {
        if (!sameKeys(old.sources, sources) || !sameKeys(old.commentary, commentary) || !sameKeys(old.claims, claims)
                || !sameKeys(old.topics, topics) || !sameKeys(old.people, people)
                || !old.corpus.unparsed().equals(corpus.unparsed())) {
            return false;
        }
        for (var e : sources.entrySet()) {
            Source before = old.sources.get(e.getKey());
            if (before == e.getValue()) continue;
            var a = before.text().paragraphs();
            var b = e.getValue().text().paragraphs();
            if (a.size() != b.size()) return false;
            for (int k = 0; k < a.size(); k++) if (!a.get(k).anchor().equals(b.get(k).anchor())) return false;
        }
        return true;
    }

    private static boolean sameKeys(Map<String, ?> a, Map<String, ?> b) {
        return a.size() == b.size() && a.keySet().containsAll(b.keySet());
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
        return citationsOfSource.getOrDefault(s.id(), List.of());
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

    /** Computes the back-links that pages ask for, once: each list in id order. */
    private void indexBackLinks() {
        for (Source s : sources.values()) {
            s.topics().stream().map(Ref::id).distinct().forEach(id -> sourcesIn.computeIfAbsent(id, k -> new ArrayList<>()).add(s));
        }
        for (Commentary c : commentary.values()) {
            c.topics().stream().map(Ref::id).distinct().forEach(id -> commentaryIn.computeIfAbsent(id, k -> new ArrayList<>()).add(c));
        }
        for (Claim c : claims.values()) {
            c.topics().stream().map(Ref::id).distinct().forEach(id -> claimsIn.computeIfAbsent(id, k -> new ArrayList<>()).add(c));
        }
        for (Commentary c : commentary.values()) {
            c.about().stream().map(Ref::id).distinct()
                    .forEach(id -> commentaryAbout.computeIfAbsent(id, k -> new ArrayList<>()).add(c));
        }
        for (Claim c : claims.values()) {
            citations(c).stream().map(ResolvedCitation::sourceId).distinct()
                    .forEach(id -> claimsCiting.computeIfAbsent(id, k -> new ArrayList<>()).add(c));
            c.by().stream().map(Ref::id).distinct().forEach(id -> claimsBy.computeIfAbsent(id, k -> new ArrayList<>()).add(c));
        }
        // Mentions: index every mention by its first two characters, then scan each text once (texts in parallel).
        Map<Integer, List<Map.Entry<String, Person>>> byStart = new HashMap<>();
        boolean[] starts = new boolean[Character.MAX_VALUE + 1];
        for (Person p : people.values()) {
            for (String m : p.mentions()) {
                if (m.length() < 2) continue;
                byStart.computeIfAbsent(m.charAt(0) << 16 | m.charAt(1), k -> new ArrayList<>()).add(Map.entry(m, p));
                starts[m.charAt(0)] = true;
            }
        }
        List<Source> all = List.copyOf(sources.values());
        List<Object> dictionary = new ArrayList<>();
        for (Person p : people.values()) dictionary.add(List.of(p.id(), p.mentions()));
        memo.mentionDictionary(dictionary);
        List<List<Person>> mentioned = all.parallelStream().map(s -> {
            List<String> known = memo.mentions(s);
            if (known != null) return known.stream().map(people::get).toList();
            String raw = s.text().raw();
            java.util.Set<Person> found = new java.util.HashSet<>();
            for (int i = 0; i + 1 < raw.length(); i++) {
                if (!starts[raw.charAt(i)]) continue;
                var candidates = byStart.get(raw.charAt(i) << 16 | raw.charAt(i + 1));
                if (candidates == null) continue;
                for (var c : candidates) if (raw.startsWith(c.getKey(), i)) found.add(c.getValue());
            }
            List<Person> sorted = found.stream().sorted(java.util.Comparator.comparing(Person::id)).toList();
            memo.mentioned(s, sorted.stream().map(Person::id).toList());
            return sorted;
        }).toList();
        memo.keepMentions(all);
        for (int k = 0; k < all.size(); k++) {
            Source s = all.get(k);
            List<Person> sorted = mentioned.get(k);
            peopleMentioned.put(s.id(), sorted);
            sorted.forEach(p -> sourcesMentioning.computeIfAbsent(p.id(), x -> new ArrayList<>()).add(s));
        }
    }
}
