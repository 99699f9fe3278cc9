package org.evidencearchive.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.evidencearchive.content.Claim;
import org.evidencearchive.content.Commentary;
import org.evidencearchive.content.Item;
import org.evidencearchive.content.Person;
import org.evidencearchive.content.Source;
import org.evidencearchive.content.Topic;

/**
 * "Related items": each item's few closest items by shared features (topics, people, sources), each feature
 * weighted by how rare it is. Scores live in the {@link LinkMemo}, so that after an edit only the items whose
 * features, or whose features' members, changed are scored again.
 */
final class RelatedItems {
    private RelatedItems() {}


    /** Items sharing more than this many of a feature learn nothing from it (a topic everything has). */
    private static final int COMMON_FEATURE = 400;
    private static final int RELATED_SHOWN = 6;

    /**
     * Scores every item against those sharing a feature with it (topics, people, sources) and keeps the best
     * few. After an edit only some scores change: those of the edited items and of the members of every feature
     * whose members changed (a feature's weight follows its size); the rest keep the lists the memo has.
     *
     * @param patched the keys of the items a patch changed (new objects, gone, or citing other sources), or null
     */
    static void relate(Archive a, java.util.Set<Key> patched) {
        LinkMemo.Related r = a.memo.related();
        // A patch of the link the memo last related knows what changed; otherwise compare every item with the memo.
        boolean fromBase = patched != null && r != null && r.items() == a.patchedFrom.itemsByKey;
        Map<Key, Item> byKey;
        if (fromBase) {
            byKey = new HashMap<>(r.items());
            for (Item e : a.patchedItems) {
                Item now = a.current(e);
                if (now == null) byKey.remove(Key.of(e));
                else byKey.put(Key.of(e), now);
            }
        } else {
            List<Item> all = a.all();
            byKey = new HashMap<>(all.size() * 2);
            for (Item i : all) byKey.put(Key.of(i), i);
        }
        java.util.Set<Key> rescore = new java.util.HashSet<>();
        java.util.Set<Key> gone = new java.util.HashSet<>();
        if (r == null || patched == null && a.memo.mentionsChanged()) {
            r = new LinkMemo.Related(new HashMap<>(), new HashMap<>(), new HashMap<>(), Map.of(), Map.of());
            for (Item i : byKey.values()) r.features().put(Key.of(i), Edges.features(i, a));
            LinkMemo.Related full = r;
            for (Item i : a.all()) for (Key f : full.features().get(Key.of(i))) full.members().computeIfAbsent(f, x -> new java.util.LinkedHashSet<>()).add(Key.of(i));
            rescore.addAll(byKey.keySet());
        } else {
            java.util.Set<Key> touched = new java.util.HashSet<>();
            if (fromBase) {
                touched.addAll(patched);
            } else {
                for (var e : byKey.entrySet()) if (r.items().get(e.getKey()) != e.getValue()) touched.add(e.getKey());
                for (Key k : r.items().keySet()) if (!byKey.containsKey(k)) touched.add(k);
                for (Claim c : a.claims.values()) if (a.claimCitations.get(c.id()) != r.claimCitations().get(c.id())) touched.add(Key.of(c));
            }
            for (Key k : touched) {
                Item now = byKey.get(k);
                java.util.Set<Key> was = r.features().get(k);
                java.util.Set<Key> is = now == null ? null : Edges.features(now, a);
                if (now == null) gone.add(k);
                if (was != null && was.equals(is)) continue; // scores follow features only: nothing to redo
                if (was != null) {
                    for (Key f : was) {
                        var m = r.members().get(f);
                        if (m.size() <= COMMON_FEATURE + 1) rescore.addAll(m);
                        m.remove(k);
                        if (m.isEmpty()) r.members().remove(f);
                    }
                }
                if (is != null) {
                    r.features().put(k, is);
                    for (Key f : is) {
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
        List<Key> scored = rescore.stream().sorted().toList();
        List<List<Key>> lists = scored.parallelStream().map(k -> {
            Item i = byKey.get(k);
            Map<Item, Double> score = new HashMap<>();
            for (Key f : memoized.features().get(k)) {
                var sharing = memoized.members().get(f);
                if (sharing.size() > COMMON_FEATURE) continue;
                double weight = 1.0 / Math.log(2 + sharing.size());
                for (Key o : sharing) {
                    Item other = byKey.get(o);
                    if (other != i) score.merge(other, weight, Double::sum);
                }
            }
            return score.entrySet().stream()
                    .sorted(Map.Entry.<Item, Double>comparingByValue().reversed()
                            .thenComparing(e -> e.getKey().kind().word()).thenComparing(e -> e.getKey().id()))
                    .limit(RELATED_SHOWN).map(e -> Key.of(e.getKey())).toList();
        }).toList();
        for (int k = 0; k < scored.size(); k++) r.related().put(scored.get(k), lists.get(k));
        // A copy: the memo's map changes with the next link. A patch of the memo's link copied it already.
        if (fromBase) {
            for (Key k : scored) a.relatedItems.put(k, r.related().get(k));
            gone.forEach(a.relatedItems::remove);
            a.rescored = new java.util.HashSet<>(scored);
            a.rescored.addAll(gone);
        } else {
            a.relatedItems.clear();
            a.relatedItems.putAll(r.related());
        }
        a.itemsByKey = byKey;
        // This link's maps are not changed after it, so the memo can point at them.
        a.memo.related(new LinkMemo.Related(r.members(), r.features(), r.related(), byKey, a.claimCitations));
    }
}
