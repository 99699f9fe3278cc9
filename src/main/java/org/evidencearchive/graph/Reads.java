package org.evidencearchive.graph;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

import org.evidencearchive.content.Item;
import org.evidencearchive.content.Kind;

/**
 * What a page's model read from the archive, recorded while the model is made, so that a rebuild after an edit
 * re-renders only the pages that read something the edit changed (as Salsa and Zola's live reload track reads).
 * Keys ({@link Key}) name an item (any query about it or returning it), or every item of a kind for a page
 * that read them all. Recording is per thread; outside {@link #during} nothing is recorded.
 */
public final class Reads {
    private static final ThreadLocal<Set<Key>> CURRENT = new ThreadLocal<>();

    private Reads() {}

    /** What a computation returned and the keys it read. */
    public record Recorded<T>(T value, Set<Key> keys) {}

    /** Runs {@code work}, recording the keys it reads on this thread (nested recordings are merged outward). */
    public static <T> Recorded<T> during(Supplier<T> work) {
        Set<Key> outer = CURRENT.get();
        Set<Key> keys = new HashSet<>();
        CURRENT.set(keys);
        try {
            return new Recorded<>(work.get(), keys);
        } finally {
            CURRENT.set(outer);
            if (outer != null) outer.addAll(keys);
        }
    }

    /** Records that an item was read. */
    public static void item(Item item) {
        Set<Key> s = CURRENT.get();
        if (s != null && item != null) s.add(Key.of(item));
    }

    /** Records that an item was asked for by id (whether or not it exists: adding it changes the answer). */
    public static void id(Kind kind, String id) {
        Set<Key> s = CURRENT.get();
        if (s != null) s.add(new Key(kind, id));
    }

    /** Records that a query's items were read, and returns them. */
    public static <T extends Collection<? extends Item>> T returned(T items) {
        items(items);
        return items;
    }

    /** Records that items were read. */
    public static void items(Collection<? extends Item> items) {
        Set<Key> s = CURRENT.get();
        if (s != null) for (Item i : items) s.add(Key.of(i));
    }

    /** Records that every item of a kind was read. */
    public static void all(Kind kind) {
        Set<Key> s = CURRENT.get();
        if (s != null) s.add(Key.any(kind));
    }
}
