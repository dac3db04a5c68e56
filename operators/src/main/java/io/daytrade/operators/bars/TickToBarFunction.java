package io.daytrade.operators.bars;

import io.daytrade.operators.deadletters.DeadLetters;
import io.daytrade.schemas.Bar;
import io.daytrade.schemas.Tick;
import io.daytrade.schemas.TickBytes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by symbol: event-time OHLCV bars of several intervals at once, emitted only for windows that
 * had ticks.
 *
 * <p>Why ticks wait in {@code pending}: volume and VWAP are floating-point sums, and a sum depends on
 * the order of its terms. To give byte-identical bars however ticks arrived (out of order within the
 * allowed disorder, or re-sorted by a BATCH runtime), each tick is folded into its bars only once no
 * earlier tick can still come, in (event time, sequence) order. In streaming that is when the
 * watermark passes it; with input sorted by time (BATCH) it is as soon as a later tick arrives.
 *
 * <p>A tick at or behind the watermark is beyond the allowed disorder: it goes to the dead-letter
 * side output with reason {@code late}, never dropped silently.
 */
public class TickToBarFunction extends KeyedProcessFunction<String, Tick, Bar> {

    private static final long serialVersionUID = 1L;

    /** State names, shared with the savepoint tools. */
    public static final String PENDING_TICKS = "pending-ticks";
    public static final String OPEN_BAR_PREFIX = "open-bar-";

    private final List<BarInterval> intervals;
    private final boolean inputSortedByTime;
    private final String source;

    private transient ListState<PendingTick> pending;
    private transient List<ValueState<BarAccumulator>> openBars;
    private transient Counter ticksIn;
    private transient Counter lateTicks;
    private transient Counter barsOut;
    private transient Histogram barLatency;
    private transient long lastWatermark = Long.MIN_VALUE;

    /**
     * @param intervals the bar lengths to build, each emitted as its own bar stream
     * @param inputSortedByTime true where each key's ticks arrive sorted by event time (BATCH mode)
     * @param source the input's name, written into dead letters
     */
    public TickToBarFunction(List<BarInterval> intervals, boolean inputSortedByTime, String source) {
        this.intervals = List.copyOf(intervals);
        this.inputSortedByTime = inputSortedByTime;
        this.source = source;
    }

    @Override
    public void open(OpenContext openContext) {
        pending = getRuntimeContext().getListState(new ListStateDescriptor<>(PENDING_TICKS, PendingTick.class));
        openBars = new ArrayList<>();
        for (BarInterval interval : intervals) {
            openBars.add(getRuntimeContext().getState(
                    new ValueStateDescriptor<>(OPEN_BAR_PREFIX + interval.label(), BarAccumulator.class)));
        }
        ticksIn = getRuntimeContext().getMetricGroup().counter("ticksIn");
        lateTicks = getRuntimeContext().getMetricGroup().counter("lateTicks");
        barsOut = getRuntimeContext().getMetricGroup().counter("barsOut");
        barLatency = getRuntimeContext().getMetricGroup()
                .histogram("barLatencyMs", new DescriptiveStatisticsHistogram(1_000));
        // How far event time trails the wall clock: grows when a source stalls or the job falls behind.
        getRuntimeContext().getMetricGroup().gauge("eventTimeLagMs", (Gauge<Long>) () ->
                lastWatermark == Long.MIN_VALUE ? 0L : System.currentTimeMillis() - lastWatermark);
    }

    @Override
    public void processElement(Tick tick, Context ctx, Collector<Bar> out) throws Exception {
        ticksIn.inc();
        long eventTime = tick.getEventTime().toEpochMilli();
        long watermark = ctx.timerService().currentWatermark();
        lastWatermark = watermark;
        if (eventTime <= watermark) {
            lateTicks.inc();
            ctx.output(DeadLetters.TAG, late(tick, eventTime, watermark));
            return;
        }
        if (inputSortedByTime) {
            fold(eventTime - 1, ctx.getCurrentKey(), out);
        }
        long sequence = tick.getSequence() == null ? 0L : tick.getSequence();
        pending.add(new PendingTick(eventTime, sequence, tick.getPrice(), tick.getSize(), System.currentTimeMillis()));
        for (BarInterval interval : intervals) {
            ctx.timerService().registerEventTimeTimer(interval.windowStart(eventTime) + interval.millis() - 1);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Bar> out) throws Exception {
        fold(timestamp, ctx.getCurrentKey(), out);
        for (int i = 0; i < intervals.size(); i++) {
            BarAccumulator bar = openBars.get(i).value();
            if (bar != null && bar.lastMillisecond() <= timestamp) {
                emit(bar, i, ctx.getCurrentKey(), out);
                openBars.get(i).clear();
            }
        }
    }

    /** Folds every pending tick at or before {@code bound} into its bars, in canonical order. */
    private void fold(long bound, String symbol, Collector<Bar> out) throws Exception {
        List<PendingTick> ready = new ArrayList<>();
        List<PendingTick> waiting = new ArrayList<>();
        for (PendingTick tick : pending.get()) {
            (tick.eventTime <= bound ? ready : waiting).add(tick);
        }
        if (ready.isEmpty()) {
            return;
        }
        ready.sort(PendingTick.CANONICAL_ORDER); // stable: equal keys keep arrival order
        for (int i = 0; i < intervals.size(); i++) {
            BarInterval interval = intervals.get(i);
            BarAccumulator bar = openBars.get(i).value();
            for (PendingTick tick : ready) {
                long start = interval.windowStart(tick.eventTime);
                if (bar != null && bar.windowStart != start) {
                    // Folding is in time order, so a tick of a later window means this bar is complete.
                    emit(bar, i, symbol, out);
                    bar = null;
                }
                if (bar == null) {
                    bar = BarAccumulator.startingWith(tick, start, start + interval.millis());
                } else {
                    bar.add(tick);
                }
            }
            openBars.get(i).update(bar);
        }
        pending.update(waiting);
    }

    /**
     * Also records, in {@code barLatencyMs}, the wall-clock time from the arrival of the bar's last tick
     * to the bar's emission: mostly the watermark delay (allowed disorder, idleness). The indicators and
     * signals are computed one keyed hop further downstream.
     */
    private void emit(BarAccumulator bar, int intervalIndex, String symbol, Collector<Bar> out) {
        barsOut.inc();
        barLatency.update(Math.max(0, System.currentTimeMillis() - bar.lastArrival));
        Bar record = bar.toBar(symbol, intervals.get(intervalIndex).label());
        if (!inputSortedByTime) {
            // Streaming only: lets the indicator stage measure tick-to-indicator latency.
            record.setLastTickArrival(bar.lastArrival);
        }
        out.collect(record);
    }

    private io.daytrade.schemas.DeadLetter late(Tick tick, long eventTime, long watermark) {
        return DeadLetters.of(source, tick.getSequence(), TickBytes.of(tick), DeadLetters.LATE,
                "tick of " + tick.getSymbol() + " at " + Instant.ofEpochMilli(eventTime)
                        + " arrived after the watermark " + Instant.ofEpochMilli(watermark)
                        + ": later than the allowed disorder");
    }
}
