package io.daytrade.operators.bars;

import io.daytrade.operators.deadletters.DeadLetters;
import io.daytrade.operators.deadletters.JsonText;
import io.daytrade.operators.statecache.KeyedStateCache;
import io.daytrade.operators.statecache.UsesKeyedStateCache;
import io.daytrade.schemas.Bar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by symbol: merges the parts of each bar that {@link TickPreAggregator} sends from every subtask
 * and emits the bar once the watermark passes its end (in BATCH mode, where each symbol's parts arrive
 * sorted by bar start, as soon as a part of a later bar arrives). Only windows that had ticks give bars.
 * Because parts merge the same in any order, the bars are byte-identical however ticks were spread over
 * subtasks, reordered within the allowed disorder, or replayed after a restore.
 *
 * <p>State: per interval a map from bar start to the bar so far ({@code open-bars-<interval>}), and one
 * event-time timer per bar end.
 */
public class BarAssembler extends KeyedProcessFunction<String, PartialBar, Bar> implements UsesKeyedStateCache {

    private static final long serialVersionUID = 1L;

    /** State name prefix, shared with the savepoint tools. */
    public static final String OPEN_BARS_PREFIX = "open-bars-";

    private final List<BarInterval> intervals;
    private final boolean inputSortedByTime;
    private final String source;

    private transient KeyedStateCache cache;
    private transient List<MapState<Long, BarAccumulator>> openBars;
    private transient Counter lateTicks;
    private transient Counter barsOut;
    private transient Histogram barLatency;
    private transient long lastWatermark = Long.MIN_VALUE;

    /**
     * @param intervals the bar lengths to build, in the same order as the pre-aggregation's
     * @param inputSortedByTime true where each key's parts arrive sorted by bar start (BATCH mode)
     * @param source the input's name, written into dead letters
     */
    public BarAssembler(List<BarInterval> intervals, boolean inputSortedByTime, String source) {
        this.intervals = List.copyOf(intervals);
        this.inputSortedByTime = inputSortedByTime;
        this.source = source;
    }

    public static MapStateDescriptor<Long, BarAccumulator> openBarsDescriptor(BarInterval interval) {
        return openBarsDescriptor(interval.label());
    }

    public static MapStateDescriptor<Long, BarAccumulator> openBarsDescriptor(String intervalLabel) {
        return new MapStateDescriptor<>(OPEN_BARS_PREFIX + intervalLabel, Types.LONG, Types.POJO(BarAccumulator.class));
    }

    @Override
    public void open(OpenContext openContext) {
        KeyedStateCache states = KeyedStateCache.orPassThrough(cache);
        openBars = new ArrayList<>();
        for (BarInterval interval : intervals) {
            openBars.add(states.map(getRuntimeContext().getMapState(openBarsDescriptor(interval))));
        }
        lateTicks = getRuntimeContext().getMetricGroup().counter("lateTicks");
        barsOut = getRuntimeContext().getMetricGroup().counter("barsOut");
        barLatency = getRuntimeContext().getMetricGroup()
                .histogram("barLatencyMs", new DescriptiveStatisticsHistogram(1_000));
        // How far event time trails the wall clock: grows when a source stalls or the job falls behind.
        getRuntimeContext().getMetricGroup().gauge("eventTimeLagMs", (Gauge<Long>) () ->
                lastWatermark == Long.MIN_VALUE ? 0L : System.currentTimeMillis() - lastWatermark);
    }

    @Override
    public void useStateCache(KeyedStateCache cache) {
        this.cache = cache;
    }

    @Override
    public void processElement(PartialBar part, Context ctx, Collector<Bar> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        lastWatermark = watermark;
        if (part.late != null) {
            lateTicks.inc();
            ctx.output(DeadLetters.TAG, part.late);
            return;
        }
        BarAccumulator incoming = part.bar;
        if (incoming.lastMillisecond() <= watermark) {
            // The pre-aggregation sends every part before the watermark that completes its bar; this only
            // happens when an input that was idle resumes behind the others.
            lateTicks.inc(incoming.tickCount);
            ctx.output(DeadLetters.TAG, latePart(part, watermark));
            return;
        }
        if (inputSortedByTime) {
            emitCompleteBefore(incoming.windowStart, ctx.getCurrentKey(), out);
        }
        MapState<Long, BarAccumulator> bars = openBars.get(part.interval);
        BarAccumulator bar = bars.get(incoming.windowStart);
        if (bar == null) {
            bars.put(incoming.windowStart, incoming);
            // Only the bar's first part: whatever put the bar in state (this, or the state bootstrap) also
            // registered its timer, and the timer service's lookup of a duplicate was a cost per part.
            ctx.timerService().registerEventTimeTimer(incoming.lastMillisecond());
        } else {
            bar.merge(incoming);
            bars.put(incoming.windowStart, bar);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Bar> out) throws Exception {
        for (int i = 0; i < intervals.size(); i++) {
            long start = timestamp + 1 - intervals.get(i).millis();
            BarAccumulator bar = openBars.get(i).get(start);
            if (bar != null) {
                emit(bar, i, ctx.getCurrentKey(), out);
                openBars.get(i).remove(start);
            }
        }
    }

    /** Sorted input: no part of a bar that ends by {@code start} can still come. */
    private void emitCompleteBefore(long start, String symbol, Collector<Bar> out) throws Exception {
        for (int i = 0; i < intervals.size(); i++) {
            TreeMap<Long, BarAccumulator> done = new TreeMap<>(); // emitted in time order
            for (Map.Entry<Long, BarAccumulator> entry : openBars.get(i).entries()) {
                if (entry.getValue().windowEnd <= start) {
                    done.put(entry.getKey(), entry.getValue());
                }
            }
            for (Map.Entry<Long, BarAccumulator> bar : done.entrySet()) {
                emit(bar.getValue(), i, symbol, out);
                openBars.get(i).remove(bar.getKey());
            }
        }
    }

    /**
     * Also records, in {@code barLatencyMs}, the wall-clock time from the arrival of the bar's last tick
     * to the bar's emission: mostly the watermark delay (allowed disorder, idleness). The indicators and
     * signals are computed one keyed hop further downstream.
     */
    private void emit(BarAccumulator bar, int intervalIndex, String symbol, Collector<Bar> out) {
        barsOut.inc();
        Bar record = bar.toBar(symbol, intervals.get(intervalIndex).label());
        if (!inputSortedByTime) {
            barLatency.update(Math.max(0, System.currentTimeMillis() - bar.lastArrival));
            // Streaming only: lets the indicator stage measure tick-to-indicator latency.
            record.setLastTickArrival(bar.lastArrival);
        }
        out.collect(record);
    }

    private io.daytrade.schemas.DeadLetter latePart(PartialBar part, long watermark) {
        BarAccumulator bar = part.bar;
        String interval = intervals.get(part.interval).label();
        String summary = String.format(java.util.Locale.ROOT,
                "{\"symbol\":%s,\"interval\":%s,\"windowStart\":\"%s\",\"ticks\":%d,\"open\":%s,\"high\":%s,"
                        + "\"low\":%s,\"close\":%s,\"volume\":%s}",
                JsonText.quote(part.symbol), JsonText.quote(interval), Instant.ofEpochMilli(bar.windowStart),
                bar.tickCount, bar.open, bar.high, bar.low, bar.close, bar.volume.value());
        return DeadLetters.ofText(source, null, summary, DeadLetters.LATE,
                bar.tickCount + " ticks of " + part.symbol + " in the " + interval + " bar from "
                        + Instant.ofEpochMilli(bar.windowStart) + " arrived after the watermark "
                        + Instant.ofEpochMilli(watermark) + ": their input resumed behind the others after being idle");
    }
}
