package io.daytrade.operators.statecache;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.operators.KeyContext;

/**
 * A {@link ValueState} of {@link KeyedStateCache}: each key's value as read from the backend or as last
 * updated, and whether the backend has yet to see it. {@code clear()} is a change like any other.
 */
final class CachedValueState<V> implements ValueState<V>, KeyedStateCache.CachedState {

    private final ValueState<V> backend;
    private final KeyedStateCache cache;
    private final Map<Object, Slot<V>> slots = new HashMap<>();

    CachedValueState(ValueState<V> backend, KeyedStateCache cache) {
        this.backend = backend;
        this.cache = cache;
    }

    @Override
    public V value() throws IOException {
        Object key = cache.currentKey();
        Slot<V> slot = slots.get(key);
        if (slot == null) {
            room();
            slot = new Slot<>(backend.value(), false);
            slots.put(key, slot);
        }
        return slot.value;
    }

    @Override
    public void update(V value) throws IOException {
        Object key = cache.currentKey();
        Slot<V> slot = slots.get(key);
        if (slot == null) {
            room(); // an update replaces whatever the backend holds: nothing to read
            slots.put(key, new Slot<>(value, true));
        } else {
            slot.value = value;
            slot.changed = true;
        }
    }

    @Override
    public void clear() {
        try {
            update(null);
        } catch (IOException e) {
            throw new IllegalStateException("could not make room in the state cache", e);
        }
    }

    @Override
    public void writeChanges(KeyContext keys) throws Exception {
        for (Map.Entry<Object, Slot<V>> entry : slots.entrySet()) {
            Slot<V> slot = entry.getValue();
            if (slot.changed) {
                keys.setCurrentKey(entry.getKey());
                if (slot.value == null) {
                    backend.clear();
                } else {
                    backend.update(slot.value);
                }
                slot.changed = false;
            }
        }
    }

    @Override
    public void forget() {
        slots.clear();
    }

    @Override
    public int keysHeld() {
        return slots.size();
    }

    private void room() throws IOException {
        try {
            cache.makeRoomIn(this);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("could not write the state cache to the backend", e);
        }
    }

    private static final class Slot<V> {
        V value;
        boolean changed;

        Slot(V value, boolean changed) {
            this.value = value;
            this.changed = changed;
        }
    }
}
