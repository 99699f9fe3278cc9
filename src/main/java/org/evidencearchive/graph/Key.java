package org.evidencearchive.graph;

import org.evidencearchive.content.Item;
import org.evidencearchive.content.Kind;

/**
 * What a page can read from the graph, and what an edit can change: one item (its kind and id), or every item of
 * a kind ({@link #any}, id null). Ordered as their text, {@code kind:id} (the kind's word, then the id).
 */
public record Key(Kind kind, String id) implements Comparable<Key> {
    private static final java.util.Comparator<Key> ORDER = java.util.Comparator
            .comparing((Key k) -> k.id == null ? 0 : 1)
            .thenComparing(Key::kind, Kind.BY_WORD)
            .thenComparing(Key::id, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));

    /** The key of an item. */
    public static Key of(Item item) {
        return new Key(item.kind(), item.id());
    }

    /** The key read by a page that reads every item of a kind. */
    public static Key any(Kind kind) {
        return new Key(kind, null);
    }

    /** Whether this key stands for every item of its kind. */
    public boolean isAny() {
        return id == null;
    }

    @Override
    public int compareTo(Key other) {
        return ORDER.compare(this, other);
    }

    /** {@code kind:id}, or {@code any:kind}. */
    @Override
    public String toString() {
        return id == null ? "any:" + kind : kind + ":" + id;
    }
}
