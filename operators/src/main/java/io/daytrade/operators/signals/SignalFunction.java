package io.daytrade.operators.signals;

import io.daytrade.operators.IdleKeyCleanup;
import io.daytrade.operators.statecache.KeyedStateCache;
import io.daytrade.operators.statecache.UsesKeyedStateCache;
import io.daytrade.schemas.IndicatorValues;
import io.daytrade.schemas.Signal;
import io.daytrade.signals.RuleDefinition;
import io.daytrade.signals.SignalRules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by symbol and interval ({@link IndicatorKey}): evaluates the signal rules on each bar's
 * indicator values and emits a {@link Signal} for each rule whose condition became true.
 */
public class SignalFunction extends KeyedProcessFunction<String, IndicatorValues, Signal> implements UsesKeyedStateCache {

    private static final long serialVersionUID = 1L;

    private final List<RuleDefinition> rules;
    private final List<String> indicatorColumns;
    private final IdleKeyCleanup cleanup;

    private transient KeyedStateCache cache;
    private transient RuleState state;
    private transient Counter idleKeysCleared;
    private transient Counter signalsOut;

    /**
     * @param rules the rules, already checked against {@code indicatorColumns} by {@link #rowLayout}
     * @param indicatorColumns the indicator columns of the incoming values, in configuration order
     */
    public SignalFunction(List<RuleDefinition> rules, List<String> indicatorColumns) {
        this(rules, indicatorColumns, IdleKeyCleanup.never());
    }

    /** @param cleanup when the rule memory of a symbol that stopped trading is dropped */
    public SignalFunction(List<RuleDefinition> rules, List<String> indicatorColumns, IdleKeyCleanup cleanup) {
        this.rules = List.copyOf(rules);
        this.indicatorColumns = List.copyOf(indicatorColumns);
        this.cleanup = cleanup;
    }

    /** The columns a rule may name: {@code close}, then the indicator columns. */
    public static List<String> rowLayout(List<String> indicatorColumns) {
        List<String> layout = new ArrayList<>();
        layout.add("close");
        layout.addAll(indicatorColumns);
        return layout;
    }

    @Override
    public void open(OpenContext openContext) {
        state = new RuleState(getRuntimeContext(), SignalRules.compile(rules, rowLayout(indicatorColumns)), indicatorColumns,
                KeyedStateCache.orPassThrough(cache));
        signalsOut = getRuntimeContext().getMetricGroup().counter("signalsOut");
        idleKeysCleared = getRuntimeContext().getMetricGroup().counter("idleKeysCleared");
    }

    @Override
    public void useStateCache(KeyedStateCache cache) {
        this.cache = cache;
    }

    @Override
    public void processElement(IndicatorValues values, Context ctx, Collector<Signal> out) throws Exception {
        List<SignalRules.Fired> fired = state.evaluate(values);
        if (cleanup.enabled()) {
            ctx.timerService().registerEventTimeTimer(cleanup.timerFor(values.getBarTime().toEpochMilli()));
        }
        for (SignalRules.Fired signal : fired) {
            Map<String, Double> inputs = new LinkedHashMap<>();
            signal.inputs().forEach((column, value) -> inputs.put(column, Double.isNaN(value) ? null : value));
            signalsOut.inc();
            out.collect(Signal.newBuilder()
                    .setSymbol(values.getSymbol())
                    .setBarTime(values.getBarTime())
                    .setStrategyId(signal.rule().id())
                    .setSide(signal.rule().side())
                    .setStrength(null)
                    .setReason(signal.rule().when())
                    .setIndicators(inputs)
                    .build());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Signal> out) throws Exception {
        Long last = state.lastBarTime();
        if (last != null && cleanup.isIdle(last, timestamp)) {
            state.clear();
            idleKeysCleared.inc();
        }
    }
}
