package io.daytrade.operators.bars;

import io.daytrade.operators.deadletters.DeadLetters;
import io.daytrade.schemas.Bar;
import io.daytrade.schemas.DeadLetter;
import io.daytrade.schemas.Tick;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import io.daytrade.operators.statecache.StateCachingKeyedProcessOperator;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;

/**
 * The bars stage as the job wires it: one or more {@link TickPreAggregator} subtasks (each its own
 * harness, as on separate source subtasks) whose output, records and watermarks in the order emitted,
 * feeds one keyed {@link BarAssembler}. The assembler's watermark is the minimum over the subtasks.
 */
final class BarsStageHarness implements AutoCloseable {

    private final List<OneInputStreamOperatorTestHarness<Tick, PartialBar>> subtasks = new ArrayList<>();
    private final long[] subtaskWatermarks;
    private final boolean[] subtaskIdle;
    private final boolean sorted;
    /** Sorted (BATCH) mode: parts wait here to be sorted by symbol and bar start, as BATCH mode does. */
    private final List<StreamRecord<PartialBar>> forSorting = new ArrayList<>();
    private int partsSent;
    private final List<BarInterval> parsed;
    private final int cachedKeys;
    private KeyedOneInputStreamOperatorTestHarness<String, PartialBar, Bar> assembler;
    /** Output of assemblers that were restarted from a snapshot. */
    private final List<Bar> earlierBars = new ArrayList<>();
    private final List<DeadLetter> earlierDeadLetters = new ArrayList<>();
    private long snapshots;
    private long assemblerWatermark = Long.MIN_VALUE;

    BarsStageHarness(String intervals, boolean sorted, int preAggregators) throws Exception {
        this(intervals, sorted, preAggregators, 0);
    }

    /**
     * @param cachedKeys above 0: the assembler keeps its state in RocksDB behind a state cache of this
     *     many keys, as the live job runs it
     */
    BarsStageHarness(String intervals, boolean sorted, int preAggregators, int cachedKeys) throws Exception {
        parsed = BarInterval.parseList(intervals);
        this.cachedKeys = cachedKeys;
        for (int i = 0; i < preAggregators; i++) {
            var subtask = new OneInputStreamOperatorTestHarness<>(new TickPreAggregator(parsed, "test-ticks"));
            subtask.setProcessingTime(System.currentTimeMillis()); // the arrival clock starts at the wall clock
            subtask.open();
            subtasks.add(subtask);
        }
        subtaskWatermarks = new long[preAggregators];
        java.util.Arrays.fill(subtaskWatermarks, Long.MIN_VALUE);
        subtaskIdle = new boolean[preAggregators];
        this.sorted = sorted;
        assembler = newAssembler(null);
    }

    private KeyedOneInputStreamOperatorTestHarness<String, PartialBar, Bar> newAssembler(OperatorSubtaskState restoreFrom)
            throws Exception {
        BarAssembler function = new BarAssembler(parsed, sorted, "test-ticks");
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                cachedKeys > 0 ? new StateCachingKeyedProcessOperator<>(function, cachedKeys) : new KeyedProcessOperator<>(function),
                (PartialBar part) -> part.symbol, Types.STRING);
        if (cachedKeys > 0) {
            harness.setStateBackend(new EmbeddedRocksDBStateBackend());
        }
        if (restoreFrom != null) {
            harness.initializeState(restoreFrom);
        }
        harness.open();
        return harness;
    }

    /**
     * The keyed stage fails right after a checkpoint and is restored from it: a snapshot, a new assembler
     * from that snapshot, and the ticks go on. The pre-aggregation keeps running, as its parts were sent.
     */
    void restoreAssemblerFromSnapshot() throws Exception {
        snapshots++;
        OperatorSubtaskState snapshot = assembler.snapshot(snapshots, snapshots);
        earlierBars.addAll(assembler.extractOutputValues());
        earlierDeadLetters.addAll(deadLettersOf(assembler));
        assembler.close();
        assembler = newAssembler(snapshot);
        if (assemblerWatermark != Long.MIN_VALUE) {
            assembler.processWatermark(new Watermark(assemblerWatermark)); // as upstream sends it again
        }
    }

    BarsStageHarness(String intervals, boolean sorted) throws Exception {
        this(intervals, sorted, 1);
    }

    void process(Tick tick) throws Exception {
        process(0, tick);
    }

    void process(int subtask, Tick tick) throws Exception {
        subtasks.get(subtask).processElement(tick, tick.getEventTime().toEpochMilli());
        drain(subtask);
    }

    void watermark(long timestamp) throws Exception {
        for (int i = 0; i < subtasks.size(); i++) {
            watermark(i, timestamp);
        }
    }

    void watermark(int subtask, long timestamp) throws Exception {
        subtasks.get(subtask).processWatermark(new Watermark(timestamp));
        drain(subtask);
    }

    void idle(int subtask) throws Exception {
        subtasks.get(subtask).processWatermarkStatus(WatermarkStatus.IDLE);
        drain(subtask);
    }

    /** As before a checkpoint barrier. */
    void barrier(int subtask) throws Exception {
        subtasks.get(subtask).prepareSnapshotPreBarrier(1L);
        drain(subtask);
    }

    /** End of input: every subtask finishes; in sorted mode the parts are sorted; then the final watermark. */
    void endOfInput() throws Exception {
        for (int i = 0; i < subtasks.size(); i++) {
            subtasks.get(i).getOneInputOperator().finish();
            drain(i);
        }
        if (sorted) {
            forSorting.sort(java.util.Comparator.comparing((StreamRecord<PartialBar> r) -> r.getValue().symbol)
                    .thenComparingLong(StreamRecord::getTimestamp));
            for (StreamRecord<PartialBar> part : forSorting) {
                assembler.processElement(part.getValue(), part.getTimestamp());
            }
        }
        assembler.processWatermark(new Watermark(Long.MAX_VALUE));
    }

    private void drain(int subtask) throws Exception {
        Queue<Object> output = subtasks.get(subtask).getOutput();
        Object next;
        while ((next = output.poll()) != null) {
            if (next instanceof StreamRecord<?> record) {
                @SuppressWarnings("unchecked")
                StreamRecord<PartialBar> part = (StreamRecord<PartialBar>) record;
                partsSent++;
                if (sorted) {
                    forSorting.add(new StreamRecord<>(part.getValue(), part.getTimestamp()));
                } else {
                    assembler.processElement(part.getValue(), part.getTimestamp());
                }
            } else if (next instanceof Watermark mark) {
                subtaskWatermarks[subtask] = Math.max(subtaskWatermarks[subtask], mark.getTimestamp());
                subtaskIdle[subtask] = false;
                advanceAssemblerWatermark();
            } else if (next instanceof WatermarkStatus status) {
                subtaskIdle[subtask] = status.isIdle();
                advanceAssemblerWatermark();
            }
        }
    }

    /** As Flink's input valve: the minimum over the subtasks that are not idle. */
    private void advanceAssemblerWatermark() throws Exception {
        long combined = Long.MAX_VALUE;
        boolean anyActive = false;
        for (int i = 0; i < subtaskWatermarks.length; i++) {
            if (!subtaskIdle[i]) {
                combined = Math.min(combined, subtaskWatermarks[i]);
                anyActive = true;
            }
        }
        if (anyActive && combined > assemblerWatermark && !sorted) {
            assemblerWatermark = combined;
            assembler.processWatermark(new Watermark(combined));
        }
    }

    /** Records sent over the shuffle so far. */
    int partsSent() {
        return partsSent;
    }

    List<Bar> bars() {
        List<Bar> bars = new ArrayList<>(earlierBars);
        bars.addAll(assembler.extractOutputValues());
        return bars;
    }

    List<DeadLetter> deadLetters() {
        List<DeadLetter> dead = new ArrayList<>(earlierDeadLetters);
        dead.addAll(deadLettersOf(assembler));
        return dead;
    }

    private static List<DeadLetter> deadLettersOf(KeyedOneInputStreamOperatorTestHarness<String, PartialBar, Bar> assembler) {
        var dead = assembler.getSideOutput(DeadLetters.TAG);
        return dead == null ? List.of() : dead.stream().map(StreamRecord::getValue).toList();
    }

    int keyedStateEntries() {
        return assembler.numKeyedStateEntries();
    }

    int timers() {
        return assembler.numEventTimeTimers();
    }

    @Override
    public void close() throws Exception {
        for (var subtask : subtasks) {
            subtask.close();
        }
        assembler.close();
    }
}
