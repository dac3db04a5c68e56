package io.daytrade.operators.statecache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cache over RocksDB gives the same results as RocksDB read and written on every record, across
 * checkpoints, restores into operators with or without a cache, and a cache smaller than the key count.
 */
class KeyedStateCacheTest {

    private static final int KEYS = 7;

    /** Key and amount; the amount decides what happens to the key's state (see {@link Tally}). */
    record Input(String key, int amount) {}

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 1024})
    void checkpointedStateIsTheSameAsWithoutTheCache(int maxKeys) throws Exception {
        // Cached up to the checkpoint; restored into an operator without a cache, which reads what was written.
        List<Input> inputs = inputs(4_000, 11);
        assertSameOutput(acrossARestore(inputs, 2_500, 2_500, maxKeys, 0), run(inputs, 0));
    }

    /** A savepoint of the operator as it was before the cache (a plain keyed operator), restored with it. */
    @Test
    void stateWrittenWithoutTheCacheIsReadThroughIt() throws Exception {
        List<Input> inputs = inputs(3_000, 14);
        assertSameOutput(acrossARestore(inputs, 1_500, 1_500, 0, 3), run(inputs, 0));
    }

    @Test
    void changesAfterTheLastCheckpointAreLostWithTheTaskAndReplayedTheSame() throws Exception {
        // Inputs 1,000 to 2,000 are processed, partly written out by a full cache, then the task fails:
        // none of it may survive the restore, which replays them.
        List<Input> inputs = inputs(3_000, 12);
        assertSameOutput(acrossARestore(inputs, 1_000, 2_000, 2, 2), run(inputs, 0));
    }

    /**
     * The inputs before {@code checkpointAt} with a cache of {@code keysBefore} keys (0: none), a snapshot,
     * then on to {@code failAt} before the task fails; restored from the snapshot with a cache of
     * {@code keysAfter} keys, the inputs from {@code checkpointAt} on. Returns what was emitted before the
     * snapshot and after the restore, as a consumer of exactly-once output sees it.
     */
    private static List<String> acrossARestore(List<Input> inputs, int checkpointAt, int failAt, int keysBefore,
            int keysAfter) throws Exception {
        OperatorSubtaskState snapshot;
        List<String> out = new ArrayList<>();
        try (var harness = harness(keysBefore, null)) {
            feed(harness, inputs.subList(0, checkpointAt));
            snapshot = harness.snapshot(1, 1);
            out.addAll(harness.extractOutputValues());
            feed(harness, inputs.subList(checkpointAt, failAt));
        }
        try (var harness = harness(keysAfter, snapshot)) {
            feed(harness, inputs.subList(checkpointAt, inputs.size()));
            out.addAll(harness.extractOutputValues());
        }
        return out;
    }

    @Test
    void holdsNoMoreKeysThanAllowed() throws Exception {
        try (var harness = harness(3, null)) {
            StateCachingKeyedProcessOperator<?, ?, ?> operator = (StateCachingKeyedProcessOperator<?, ?, ?>) harness.getOneInputOperator();
            assertThat(operator.caching()).isTrue();
            for (Input input : inputs(500, 13)) {
                harness.processElement(input, 0);
                assertThat(operator.cache().keysHeld()).isBetween(1, 3);
            }
            assertThat(operator.cache().overflows()).isPositive(); // seven keys through a cache of three
        }
        try (var harness = harness(KEYS, null)) {
            StateCachingKeyedProcessOperator<?, ?, ?> operator = (StateCachingKeyedProcessOperator<?, ?, ?>) harness.getOneInputOperator();
            feed(harness, inputs(500, 13));
            assertThat(operator.cache().keysHeld()).isEqualTo(KEYS);
            assertThat(operator.cache().overflows()).isZero();
        }
    }

    @Test
    void theHeapBackendKeepsItsOwnStates() throws Exception {
        var operator = new StateCachingKeyedProcessOperator<>(new Tally(), 16);
        try (var harness = new KeyedOneInputStreamOperatorTestHarness<>(operator, Input::key, Types.STRING)) {
            harness.open();
            harness.processElement(new Input("A", 4), 0);
            assertThat(operator.caching()).isFalse();
            assertThat(harness.extractOutputValues()).containsExactly("A sum=4 buckets={1=1} has1");
        }
    }

    @Test
    void aPassThroughCacheReturnsTheBackendsStates() {
        ValueState<Long> value = new ValueState<>() {
            @Override public Long value() { return 1L; }
            @Override public void update(Long v) {}
            @Override public void clear() {}
        };
        assertThat(KeyedStateCache.passThrough().value(value)).isSameAs(value);
    }

    private static void assertSameOutput(List<String> out, List<String> straight) {
        for (int i = 0; i < Math.min(out.size(), straight.size()); i++) {
            assertThat(out.get(i)).as("output %d", i).isEqualTo(straight.get(i));
        }
        assertThat(out).hasSameSizeAs(straight);
    }

    private static List<String> run(List<Input> inputs, int maxKeys) throws Exception {
        try (var harness = harness(maxKeys, null)) {
            feed(harness, inputs);
            return new ArrayList<>(harness.extractOutputValues());
        }
    }

    private static void feed(KeyedOneInputStreamOperatorTestHarness<String, Input, String> harness, List<Input> inputs)
            throws Exception {
        for (Input input : inputs) {
            harness.processElement(input, 0);
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Input, String> harness(int maxKeys,
            OperatorSubtaskState restoreFrom) throws Exception {
        KeyedProcessOperator<String, Input, String> operator = maxKeys == 0
                ? new KeyedProcessOperator<>(new Tally())
                : new StateCachingKeyedProcessOperator<>(new Tally(), maxKeys);
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(operator, Input::key, Types.STRING);
        harness.setStateBackend(new EmbeddedRocksDBStateBackend());
        if (restoreFrom != null) {
            harness.initializeState(restoreFrom);
        }
        harness.open();
        return harness;
    }

    private static List<Input> inputs(int count, long seed) {
        Random random = new Random(seed);
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int amount = random.nextInt(40) == 0 ? -1 : random.nextInt(12);
            inputs.add(new Input("k" + random.nextInt(KEYS), amount));
        }
        return inputs;
    }

    /**
     * Per key a running sum (value state) and a count per bucket of three (map state): an amount of 0
     * removes bucket 0, a negative amount clears both states. Emits the key's state after each input.
     */
    static final class Tally extends KeyedProcessFunction<String, Input, String> implements UsesKeyedStateCache {
        private transient KeyedStateCache cache;
        private transient ValueState<Long> sum;
        private transient MapState<Integer, Integer> buckets;

        @Override
        public void useStateCache(KeyedStateCache cache) {
            this.cache = cache;
        }

        @Override
        public void open(OpenContext context) {
            KeyedStateCache states = KeyedStateCache.orPassThrough(cache);
            sum = states.value(getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Types.LONG)));
            buckets = states.map(getRuntimeContext().getMapState(
                    new MapStateDescriptor<>("buckets", Types.INT, Types.INT)));
        }

        @Override
        public void processElement(Input input, Context ctx, Collector<String> out) throws Exception {
            if (input.amount() < 0) {
                sum.clear();
                buckets.clear();
            } else if (input.amount() == 0) {
                buckets.remove(0);
            } else {
                Long before = sum.value();
                sum.update((before == null ? 0 : before) + input.amount());
                int bucket = input.amount() % 3;
                Integer count = buckets.get(bucket);
                buckets.put(bucket, count == null ? 1 : count + 1);
            }
            Map<Integer, Integer> sorted = new TreeMap<>();
            for (Map.Entry<Integer, Integer> entry : buckets.entries()) {
                sorted.put(entry.getKey(), entry.getValue());
            }
            out.collect(input.key() + " sum=" + sum.value() + " buckets=" + sorted
                    + (buckets.isEmpty() ? " empty" : "") + (buckets.contains(1) ? " has1" : ""));
        }
    }
}
