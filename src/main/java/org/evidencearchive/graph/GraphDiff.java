package org.evidencearchive.graph;

import java.util.List;
import java.util.Map;

import org.evidencearchive.content.Item;
import org.evidencearchive.content.Kind;

/**
 * What changed between two links of the archive, as the {@link Reads} keys whose answers differ: the items
 * added, removed or re-parsed, and the items whose derived lists (citations, back-links, mentions, related items,
 * topic members) changed. A derived list can only change near an edited item, so only those keys are compared.
 */
final class GraphDiff {
    private GraphDiff() {}


    /**
     * Returns the {@link Reads} keys whose answers differ between an earlier link and this one: every item
     * added, removed or re-parsed (a new object), {@code any:kind} for each kind with such an item, and every
     * item whose derived lists (citations, back-links, mentions, related items, topic members) changed.
     */
    static java.util.Set<Key> changed(Archive old, Archive now) {
        java.util.Set<Key> changed = new java.util.HashSet<>();
        List<Item> edited = now.editedSince(old);
        for (Item i : edited) {
            changed.add(Key.of(i));
            changed.add(Key.any(i.kind()));
        }
        // A derived list can change only where an edited item (before or after the edit) points.
        java.util.Set<Key> near = new java.util.HashSet<>();
        for (Item i : edited) {
            near.add(Key.of(i));
            old.neighbours(i, near);
            now.neighbours(i, near);
        }
        Diff diff = new Diff(near, changed);
        diff.of(old.claimCitations, now.claimCitations, Kind.CLAIM, java.util.Objects::equals);
        diff.of(old.roleCitations, now.roleCitations, Kind.PERSON, java.util.Objects::equals);
        diff.of(old.citationsOfSource, now.citationsOfSource, Kind.SOURCE, java.util.Objects::equals);
        diff.of(old.citedBy, now.citedBy, Kind.SOURCE, (a, b) -> a.keySet().equals(b.keySet())
                && a.keySet().stream().allMatch(k -> Archive.sameItems(a.get(k), b.get(k))));
        diff.of(old.commentaryAbout, now.commentaryAbout, Kind.SOURCE, Archive::sameItems);
        diff.of(old.claimsCiting, now.claimsCiting, Kind.SOURCE, Archive::sameItems);
        diff.of(old.peopleMentioned, now.peopleMentioned, Kind.SOURCE, Archive::sameItems);
        diff.of(old.claimsBy, now.claimsBy, Kind.PERSON, Archive::sameItems);
        diff.of(old.sourcesMentioning, now.sourcesMentioning, Kind.PERSON, Archive::sameItems);
        diff.of(old.sourcesIn, now.sourcesIn, Kind.TOPIC, Archive::sameItems);
        diff.of(old.commentaryIn, now.commentaryIn, Kind.TOPIC, Archive::sameItems);
        diff.of(old.claimsIn, now.claimsIn, Kind.TOPIC, Archive::sameItems);
        diff.of(old.relatedClaims, now.relatedClaims, Kind.CLAIM, (a, b) -> a.size() == b.size()
                && java.util.stream.IntStream.range(0, a.size()).allMatch(k -> a.get(k).label().equals(b.get(k).label())
                && a.get(k).claim().id().equals(b.get(k).claim().id())));
        // Related items can change far from an edit (a shared feature's weight); unchanged lists are the same objects.
        if (old == now.patchedFrom && now.rescored != null) { // only the lists a patch scored again can differ
            for (Key k : now.rescored) {
                if (!java.util.Objects.equals(now.relatedItems.get(k), old.relatedItems.get(k))) changed.add(k);
            }
            return changed;
        }
        for (var e : now.relatedItems.entrySet()) {
            List<Key> was = old.relatedItems.get(e.getKey());
            if (was != e.getValue() && !e.getValue().equals(was)) changed.add(e.getKey());
        }
        for (Key k : old.relatedItems.keySet()) if (!now.relatedItems.containsKey(k)) changed.add(k);
        return changed;
    }

    /** Compares derived lists at some keys, noting the keys whose lists differ. */
    private record Diff(java.util.Set<Key> near, java.util.Set<Key> changed) {
        <V> void of(Map<String, V> before, Map<String, V> after, Kind kind, java.util.function.BiPredicate<V, V> same) {
            for (Key k : near) {
                if (k.kind() != kind || k.isAny()) continue;
                String id = k.id();
                V was = before.get(id);
                V now = after.get(id);
                if (was == null && now == null) continue;
                if (was == null || now == null || !same.test(was, now)) changed.add(k);
            }
        }
    }
}
