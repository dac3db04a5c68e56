package io.daytrade.operators.statecache;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.apache.flink.api.common.state.MapState;
import org.apache.flink.streaming.api.operators.KeyContext;

/**
 * A {@link MapState} of {@link KeyedStateCache}. A key's whole map is read from the backend when the key
 * is first touched (one scan; the jobs keep a few entries per key, such as a symbol's open bars), so a
 * lookup of an entry the backend does not have costs nothing either. Changed entries are put and removed
 * entries deleted when the cache is flushed; an entry put and removed between two flushes never reaches
 * the backend. Iteration is over a read-only view.
 */
final class CachedMapState<K, V> implements MapState<K, V>, KeyedStateCache.CachedState {

    private final MapState<K, V> backend;
    private final KeyedStateCache cache;
    private final Map<Object, KeyMap<K, V>> maps = new HashMap<>();

    CachedMapState(MapState<K, V> backend, KeyedStateCache cache) {
        this.backend = backend;
        this.cache = cache;
    }

    @Override
    public V get(K key) throws Exception {
        return current().entries.get(key);
    }

    @Override
    public void put(K key, V value) throws Exception {
        KeyMap<K, V> map = current();
        map.entries.put(key, value);
        map.changed.add(key);
        map.removed.remove(key);
    }

    @Override
    public void putAll(Map<K, V> entries) throws Exception {
        for (Map.Entry<K, V> entry : entries.entrySet()) {
            put(entry.getKey(), entry.getValue());
        }
    }

    @Override
    public void remove(K key) throws Exception {
        KeyMap<K, V> map = current();
        map.entries.remove(key);
        map.changed.remove(key);
        if (map.stored.contains(key)) {
            map.removed.add(key);
        }
    }

    @Override
    public boolean contains(K key) throws Exception {
        return current().entries.containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() throws Exception {
        return Collections.unmodifiableMap(current().entries).entrySet();
    }

    @Override
    public Iterable<K> keys() throws Exception {
        return Collections.unmodifiableSet(current().entries.keySet());
    }

    @Override
    public Iterable<V> values() throws Exception {
        return Collections.unmodifiableCollection(current().entries.values());
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator() throws Exception {
        return entries().iterator();
    }

    @Override
    public boolean isEmpty() throws Exception {
        return current().entries.isEmpty();
    }

    @Override
    public void clear() {
        try {
            KeyMap<K, V> map = current();
            map.entries.clear();
            map.changed.clear();
            map.removed.addAll(map.stored);
        } catch (Exception e) {
            throw new IllegalStateException("could not read the state cache's backend", e);
        }
    }

    @Override
    public void writeChanges(KeyContext keys) throws Exception {
        for (Map.Entry<Object, KeyMap<K, V>> entry : maps.entrySet()) {
            KeyMap<K, V> map = entry.getValue();
            if (map.changed.isEmpty() && map.removed.isEmpty()) {
                continue;
            }
            keys.setCurrentKey(entry.getKey());
            for (K removed : map.removed) {
                backend.remove(removed);
                map.stored.remove(removed);
            }
            for (K changed : map.changed) {
                backend.put(changed, map.entries.get(changed));
                map.stored.add(changed);
            }
            map.removed.clear();
            map.changed.clear();
        }
    }

    @Override
    public void forget() {
        maps.clear();
    }

    @Override
    public int keysHeld() {
        return maps.size();
    }

    private KeyMap<K, V> current() throws Exception {
        Object key = cache.currentKey();
        KeyMap<K, V> map = maps.get(key);
        if (map == null) {
            cache.makeRoomIn(this);
            map = new KeyMap<>();
            for (Map.Entry<K, V> entry : backend.entries()) {
                map.entries.put(entry.getKey(), entry.getValue());
                map.stored.add(entry.getKey());
            }
            maps.put(key, map);
        }
        return map;
    }

    /** One key's map: all its entries, and which of them the backend has, lacks, or holds stale. */
    private static final class KeyMap<K, V> {
        final Map<K, V> entries = new HashMap<>();
        final Set<K> stored = new HashSet<>();
        final Set<K> changed = new HashSet<>();
        final Set<K> removed = new HashSet<>();
    }
}
