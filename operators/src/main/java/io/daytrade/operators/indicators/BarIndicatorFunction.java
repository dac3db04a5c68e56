package io.daytrade.operators.indicators;

import io.daytrade.indicators.IndicatorSet;
import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.operators.IdleKeyCleanup;
import io.daytrade.operators.deadletters.DeadLetters;
import io.daytrade.operators.statecache.KeyedStateCache;
import io.daytrade.operators.statecache.UsesKeyedStateCache;
import io.daytrade.schemas.Bar;
import io.daytrade.schemas.IndicatorValues;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by symbol and interval ({@link BarKey}): feeds each bar to the configured indicators and emits
 * one {@link IndicatorValues} per bar, with null where an indicator is still in its lookback. Bars must
 * come in time order per key; a bar at or before the last one goes to the dead letters.
 */
public class BarIndicatorFunction extends KeyedProcessFunction<String, Bar, IndicatorValues>
        implements UsesKeyedStateCache {

    private static final long serialVersionUID = 1L;

    private final String specList;
    private final String source;
    private final IdleKeyCleanup cleanup;

    private transient List<IndicatorSpec> specs;
    private transient List<String> columns;
    private transient double[] row;
    private transient KeyedStateCache cache;
    private transient IndicatorState state;
    private transient Counter outOfOrderBars;
    private transient Counter idleKeysCleared;
    private transient Histogram tickToIndicators;

    /**
     * @param specs the indicators to compute, in output column order
     * @param source the input's name, written into dead letters
     */
    public BarIndicatorFunction(List<IndicatorSpec> specs, String source) {
        this(specs, source, IdleKeyCleanup.never());
    }

    /** @param cleanup when the state of a symbol that stopped trading is dropped */
    public BarIndicatorFunction(List<IndicatorSpec> specs, String source, IdleKeyCleanup cleanup) {
        this.specList = IndicatorSetSerializer.join(specs);
        this.source = source;
        this.cleanup = cleanup;
    }

    @Override
    public void open(OpenContext openContext) {
        specs = IndicatorSpec.parseList(specList);
        IndicatorSet prototype = new IndicatorSet(specs);
        columns = prototype.columns();
        row = new double[columns.size()];
        state = new IndicatorState(getRuntimeContext(), specs, KeyedStateCache.orPassThrough(cache));
        outOfOrderBars = getRuntimeContext().getMetricGroup().counter("outOfOrderBars");
        idleKeysCleared = getRuntimeContext().getMetricGroup().counter("idleKeysCleared");
        tickToIndicators = getRuntimeContext().getMetricGroup()
                .histogram("tickToIndicatorsMs", new DescriptiveStatisticsHistogram(1_000));
    }

    @Override
    public void useStateCache(KeyedStateCache cache) {
        this.cache = cache;
    }

    @Override
    public void processElement(Bar bar, Context ctx, Collector<IndicatorValues> out) throws Exception {
        long barTime = bar.getWindowStart().toEpochMilli();
        Long last = state.lastBarTime();
        IndicatorSet set = state.advance(bar, last);
        if (set == null) {
            outOfOrderBars.inc();
            ctx.output(DeadLetters.TAG, DeadLetters.ofText(source, null, bar.toString(), DeadLetters.OUT_OF_ORDER_BAR,
                    "bar of " + bar.getSymbol() + " " + bar.getInterval() + " at " + bar.getWindowStart()
                            + " is not after the previous one at " + Instant.ofEpochMilli(last)));
            return;
        }
        if (cleanup.enabled()) {
            ctx.timerService().registerEventTimeTimer(cleanup.timerFor(barTime));
        }

        set.values(row);
        Map<String, Double> values = new LinkedHashMap<>(row.length * 4 / 3 + 1);
        for (int i = 0; i < row.length; i++) {
            values.put(columns.get(i), Double.isNaN(row[i]) ? null : row[i]);
        }
        // Setters rather than Avro's builder, whose construction and checks cost a twelfth of this stage.
        IndicatorValues record = new IndicatorValues();
        record.setSymbol(bar.getSymbol());
        record.setInterval(bar.getInterval());
        record.setBarTime(bar.getWindowStart());
        record.setClose(bar.getClose());
        record.setValues(values);
        out.collect(record);
        if (bar.getLastTickArrival() != null) {
            tickToIndicators.update(Math.max(0, System.currentTimeMillis() - bar.getLastTickArrival()));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<IndicatorValues> out) throws Exception {
        Long last = state.lastBarTime();
        if (last != null && cleanup.isIdle(last, timestamp)) {
            state.clear();
            idleKeysCleared.inc();
        }
    }
}
