package org.evidencearchive.graph;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A map that starts as a read-only view of another link's map and copies it on its first write, so that a patch
 * of a link pays for copying only the maps it changes. The map it shares is never changed after its own link.
 */
final class SharedMap<K, V> extends AbstractMap<K, V> {
    private Map<K, V> map;
    private boolean own;

    private SharedMap(Map<K, V> shared) {
        this.map = shared;
    }

    /** A map that reads from {@code base} (the underlying map, if it is itself shared) until written to. */
    static <K, V> Map<K, V> of(Map<K, V> base) {
        return new SharedMap<>(base instanceof SharedMap<K, V> s ? s.map : base);
    }

    private Map<K, V> write() {
        if (!own) {
            map = new HashMap<>(map);
            own = true;
        }
        return map;
    }

    @Override
    public V get(Object key) {
        return map.get(key);
    }

    @Override
    public V getOrDefault(Object key, V fallback) {
        return map.getOrDefault(key, fallback);
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public V put(K key, V value) {
        return write().put(key, value);
    }

    @Override
    public V remove(Object key) {
        return map.containsKey(key) ? write().remove(key) : null;
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        write().putAll(m);
    }

    @Override
    public void clear() {
        if (!map.isEmpty()) write().clear();
    }

    @Override
    public V computeIfAbsent(K key, java.util.function.Function<? super K, ? extends V> make) {
        V v = map.get(key);
        return v != null ? v : write().computeIfAbsent(key, make);
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return own ? map.entrySet() : Collections.unmodifiableMap(map).entrySet();
    }

    @Override
    public Set<K> keySet() {
        return own ? map.keySet() : Collections.unmodifiableSet(map.keySet());
    }

    @Override
    public java.util.Collection<V> values() {
        return own ? map.values() : Collections.unmodifiableCollection(map.values());
    }
}
