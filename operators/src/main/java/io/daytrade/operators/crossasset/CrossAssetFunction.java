package io.daytrade.operators.crossasset;

import io.daytrade.crossasset.CrossAssetCalculator;
import io.daytrade.crossasset.CrossAssetRow;
import io.daytrade.crossasset.CrossAssetState;
import io.daytrade.operators.deadletters.DeadLetters;
import io.daytrade.schemas.Bar;
import io.daytrade.schemas.CrossAsset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by bar interval, fed the bars of a configured symbol set: gathers each bar time's closes until
 * the watermark passes the end of that bar (then every upstream subtask has emitted its bars for it),
 * and hands the times, in order, to the {@link CrossAssetCalculator}. In BATCH mode every timer fires
 * at the end of the input, in time order: the same result.
 */
public class CrossAssetFunction extends KeyedProcessFunction<String, Bar, CrossAsset> {

    private static final long serialVersionUID = 1L;

    /** Accumulator: bar times skipped because a symbol of the set had no bar at them. */
    public static final String SKIPPED_TIMES = "cross-asset-skipped-times";

    private final CrossAssetCalculator calculator;
    private final String benchmark;
    private final List<String> factors;
    private final String source;

    private transient MapState<Long, PendingCloses> pending;
    private transient ValueState<CrossAssetState> state;
    private transient ValueState<Long> lastReleased;
    private transient Counter skippedTimes;
    private transient LongCounter skippedAccumulator;
    private transient Counter rowsOut;

    /** @param source the input's name, written into dead letters */
    public CrossAssetFunction(CrossAssetCalculator calculator, String benchmark, List<String> factors, String source) {
        this.calculator = calculator;
        this.benchmark = benchmark;
        this.factors = List.copyOf(factors);
        this.source = source;
    }

    @Override
    public void open(OpenContext openContext) {
        pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("pending-closes", Types.LONG,
                Types.POJO(PendingCloses.class)));
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("cross-asset-window", CrossAssetState.class));
        lastReleased = getRuntimeContext().getState(new ValueStateDescriptor<>("last-released", Types.LONG));
        skippedTimes = getRuntimeContext().getMetricGroup().counter("crossAssetSkippedTimes");
        rowsOut = getRuntimeContext().getMetricGroup().counter("crossAssetRowsOut");
        skippedAccumulator = getRuntimeContext().getLongCounter(SKIPPED_TIMES);
    }

    @Override
    public void processElement(Bar bar, Context ctx, Collector<CrossAsset> out) throws Exception {
        long time = bar.getWindowStart().toEpochMilli();
        Long released = lastReleased.value();
        if (released != null && time <= released) {
            ctx.output(DeadLetters.TAG, DeadLetters.ofText(source, null, bar.toString(), DeadLetters.OUT_OF_ORDER_BAR,
                    "bar of " + bar.getSymbol() + " at " + bar.getWindowStart() + " came after the cross-asset"
                            + " statistics of " + Instant.ofEpochMilli(released) + " were computed"));
            return;
        }
        PendingCloses closes = pending.get(time);
        if (closes == null) {
            closes = new PendingCloses();
            closes.releaseAt = Math.max(time, bar.getWindowEnd().toEpochMilli() - 1);
            closes.symbols = new String[0];
            closes.closes = new double[0];
            ctx.timerService().registerEventTimeTimer(closes.releaseAt);
        }
        int n = closes.symbols.length;
        closes.symbols = Arrays.copyOf(closes.symbols, n + 1);
        closes.closes = Arrays.copyOf(closes.closes, n + 1);
        closes.symbols[n] = bar.getSymbol().toString();
        closes.closes[n] = bar.getClose();
        pending.put(time, closes);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CrossAsset> out) throws Exception {
        List<Long> due = new ArrayList<>();
        for (Map.Entry<Long, PendingCloses> entry : pending.entries()) {
            if (entry.getValue().releaseAt <= timestamp) {
                due.add(entry.getKey());
            }
        }
        due.sort(null);
        CrossAssetState window = state.value() == null ? new CrossAssetState() : state.value();
        for (long time : due) {
            PendingCloses closes = pending.get(time);
            pending.remove(time);
            Map<String, Double> bySymbol = new HashMap<>();
            for (int i = 0; i < closes.symbols.length; i++) {
                bySymbol.put(closes.symbols[i], closes.closes[i]);
            }
            long skippedBefore = window.skippedTimes;
            for (CrossAssetRow row : calculator.onTime(window, time, bySymbol)) {
                rowsOut.inc();
                out.collect(record(row, ctx.getCurrentKey()));
            }
            skippedTimes.inc(window.skippedTimes - skippedBefore);
            skippedAccumulator.add(window.skippedTimes - skippedBefore);
            lastReleased.update(time);
        }
        state.update(window);
    }

    private CrossAsset record(CrossAssetRow row, String interval) {
        Map<String, Double> correlations = new LinkedHashMap<>();
        List<String> symbols = calculator.symbols();
        for (int s = 0; s < symbols.size(); s++) {
            correlations.put(symbols.get(s), orNull(row.correlations()[s]));
        }
        Map<String, Double> betas = new LinkedHashMap<>();
        if (row.factorBetas() != null) {
            for (int f = 0; f < factors.size(); f++) {
                betas.put(factors.get(f), row.factorBetas()[f]);
            }
        }
        return CrossAsset.newBuilder()
                .setSymbol(row.symbol())
                .setInterval(interval)
                .setBarTime(Instant.ofEpochMilli(row.time()))
                .setWindow(calculator.window())
                .setCorrelations(correlations)
                .setBenchmark(benchmark)
                .setBeta(benchmark == null ? null : orNull(row.beta()))
                .setBenchmarkCorrelation(benchmark == null ? null : orNull(row.benchmarkCorrelation()))
                .setAlpha(orNull(row.alpha()))
                .setFactorBetas(betas)
                .setRSquared(orNull(row.rSquared()))
                .build();
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }
}
