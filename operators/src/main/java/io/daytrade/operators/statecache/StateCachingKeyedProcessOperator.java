package io.daytrade.operators.statecache;

import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.sorted.state.BatchExecutionKeyedStateBackend;

/**
 * A {@link KeyedProcessOperator} that gives its function a {@link KeyedStateCache} and writes the cache to
 * the state backend in every snapshot, before the backend takes its own. The cache is used only where
 * the backend serializes state (RocksDB); over the heap backend and in BATCH mode the function's states
 * are the backend's own.
 */
public class StateCachingKeyedProcessOperator<K, IN, OUT> extends KeyedProcessOperator<K, IN, OUT> {

    private static final long serialVersionUID = 1L;

    /** Keys held per state and operator subtask unless configured (the live job's {@code state.cached-keys}). */
    public static final int DEFAULT_MAX_KEYS = 1024;

    private final int maxKeys;
    private transient KeyedStateCache cache;

    /** @param maxKeys keys held per state before the cache is written out and emptied; 0 caches nothing */
    public <F extends KeyedProcessFunction<K, IN, OUT> & UsesKeyedStateCache> StateCachingKeyedProcessOperator(
            F function, int maxKeys) {
        super(function);
        if (maxKeys < 0) {
            throw new IllegalArgumentException("cached keys must be 0 or more, got " + maxKeys);
        }
        this.maxKeys = maxKeys;
    }

    @Override
    public void open() throws Exception {
        cache = maxKeys > 0 && serializesState(getKeyedStateBackend())
                ? new KeyedStateCache(this, maxKeys)
                : KeyedStateCache.passThrough();
        ((UsesKeyedStateCache) userFunction).useStateCache(cache);
        if (caching()) {
            KeyedStateCache held = cache;
            getMetricGroup().gauge("stateCacheKeys", (Gauge<Integer>) held::keysHeld);
            getMetricGroup().gauge("stateCacheOverflows", (Gauge<Long>) held::overflows);
        }
        super.open();
    }

    /**
     * Runs before the keyed state backend takes its snapshot (checkpoints, savepoints and the final
     * checkpoint alike), so the snapshot holds every change the cache had.
     */
    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        cache.flush();
        super.snapshotState(context);
    }

    /** True when the cache is in use (for tests). */
    public boolean caching() {
        return cache != KeyedStateCache.passThrough();
    }

    public KeyedStateCache cache() {
        return cache;
    }

    private static boolean serializesState(KeyedStateBackend<?> backend) {
        return !(backend instanceof HeapKeyedStateBackend) && !(backend instanceof BatchExecutionKeyedStateBackend);
    }
}
