package io.daytrade.operators.statecache;

import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.operators.KeyContext;

/**
 * One keyed operator's state, held as objects on the heap between checkpoints and written to the state
 * backend when the operator takes a snapshot, just before the backend takes its own ({@link #flush}).
 *
 * <p>Why: with RocksDB every {@code value()} deserializes and every {@code update()} serializes and writes,
 * once per bar per state, while a symbol's state is read back by the very next bar. Here a key's state
 * is read from the backend once, when first touched, and written once per checkpoint if it changed, so a
 * hot symbol costs RocksDB nothing between checkpoints. Exactly-once is unchanged: every change is in
 * the backend before the backend's snapshot, and after a failure the operator starts with an empty
 * cache over the restored backend.
 *
 * <p>At most {@code maxKeys} keys are held per state; the key that would exceed it writes out every
 * change and empties the cache first, so heap use does not grow with the number of symbols. The backend
 * only sees the current key's state, so the operator's {@link KeyContext} is switched to each key while
 * it is written, and back.
 *
 * <p>{@link #passThrough()} hands the backend's states back unchanged: for the heap backend, whose state
 * is objects already, and for BATCH mode, whose backend keeps one key at a time.
 */
public class KeyedStateCache {

    private final KeyContext keys;
    private final int maxKeys;
    private final List<CachedState> states = new ArrayList<>();
    private long overflows;

    /** @param maxKeys keys held per state before the cache is written out and emptied; at least 1 */
    public KeyedStateCache(KeyContext keys, int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("a state cache holds at least one key, got " + maxKeys);
        }
        this.keys = keys;
        this.maxKeys = maxKeys;
    }

    /** A cache that caches nothing: {@link #value} and {@link #map} return the backend's own states. */
    public static KeyedStateCache passThrough() {
        return PassThrough.INSTANCE;
    }

    /** {@code cache}, or a pass-through cache for a function that was given none (a plain operator, a test). */
    public static KeyedStateCache orPassThrough(KeyedStateCache cache) {
        return cache == null ? passThrough() : cache;
    }

    public <V> ValueState<V> value(ValueState<V> backend) {
        CachedValueState<V> cached = new CachedValueState<>(backend, this);
        states.add(cached);
        return cached;
    }

    public <K, V> MapState<K, V> map(MapState<K, V> backend) {
        CachedMapState<K, V> cached = new CachedMapState<>(backend, this);
        states.add(cached);
        return cached;
    }

    /** Writes every change since the last flush to the backend; the cache keeps what it holds. */
    public void flush() throws Exception {
        Object current = keys.getCurrentKey();
        try {
            for (CachedState state : states) {
                state.writeChanges(keys);
            }
        } finally {
            if (current != null) {
                keys.setCurrentKey(current);
            }
        }
    }

    /** The number of keys a state holds now (for tests and metrics). */
    public int keysHeld() {
        int held = 0;
        for (CachedState state : states) {
            held = Math.max(held, state.keysHeld());
        }
        return held;
    }

    /** How often a key beyond the limit made the cache write out and empty itself: a limit below the working set. */
    public long overflows() {
        return overflows;
    }

    Object currentKey() {
        return keys.getCurrentKey();
    }

    /** Called by a state before it takes in one more key. */
    void makeRoomIn(CachedState state) throws Exception {
        if (state.keysHeld() >= maxKeys) {
            overflows++;
            flush();
            for (CachedState each : states) {
                each.forget();
            }
        }
    }

    /** What the cache needs of each state it holds. */
    interface CachedState {
        /** Writes the changed keys' state to the backend, switching {@code keys} to each. */
        void writeChanges(KeyContext keys) throws Exception;

        /** Drops every key held; called only right after {@link #writeChanges}. */
        void forget();

        int keysHeld();
    }

    private static final class PassThrough extends KeyedStateCache {
        static final PassThrough INSTANCE = new PassThrough();

        private PassThrough() {
            super(new NoKeys(), 1);
        }

        @Override
        public <V> ValueState<V> value(ValueState<V> backend) {
            return backend;
        }

        @Override
        public <K, V> MapState<K, V> map(MapState<K, V> backend) {
            return backend;
        }

        @Override
        public void flush() {}
    }

    private static final class NoKeys implements KeyContext {
        @Override
        public void setCurrentKey(Object key) {
            throw new UnsupportedOperationException("a pass-through cache switches no keys");
        }

        @Override
        public Object getCurrentKey() {
            return null;
        }
    }
}
