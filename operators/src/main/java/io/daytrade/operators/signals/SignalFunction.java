package io.daytrade.operators.signals;

import io.daytrade.operators.IdleKeyCleanup;
import io.daytrade.schemas.IndicatorValues;
import io.daytrade.schemas.Signal;
import io.daytrade.signals.RuleDefinition;
import io.daytrade.signals.RuleMemory;
import io.daytrade.signals.SignalRules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by symbol and interval ({@link IndicatorKey}): evaluates the signal rules on each bar's
 * indicator values and emits a {@link Signal} for each rule whose condition became true.
 */
public class SignalFunction extends KeyedProcessFunction<String, IndicatorValues, Signal> {

    private static final long serialVersionUID = 1L;

    private final List<RuleDefinition> rules;
    private final List<String> indicatorColumns;
    private final IdleKeyCleanup cleanup;

    private transient SignalRules compiled;
    private transient double[] row;
    private transient ValueState<RuleMemory> memory;
    private transient ValueState<Long> lastBarTime;
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
        compiled = SignalRules.compile(rules, rowLayout(indicatorColumns));
        row = new double[compiled.columns().size()];
        memory = getRuntimeContext().getState(new ValueStateDescriptor<>("rule-memory", RuleMemory.class));
        signalsOut = getRuntimeContext().getMetricGroup().counter("signalsOut");
        lastBarTime = getRuntimeContext().getState(new ValueStateDescriptor<>("last-bar-time", Types.LONG));
        idleKeysCleared = getRuntimeContext().getMetricGroup().counter("idleKeysCleared");
    }

    @Override
    public void processElement(IndicatorValues values, Context ctx, Collector<Signal> out) throws Exception {
        row[0] = values.getClose();
        for (int i = 0; i < indicatorColumns.size(); i++) {
            Double value = values.getValues().get(indicatorColumns.get(i));
            row[i + 1] = value == null ? Double.NaN : value;
        }
        RuleMemory state = memory.value();
        state = state == null ? compiled.newMemory() : compiled.fit(state);
        List<SignalRules.Fired> fired = compiled.evaluate(row, state);
        memory.update(state);
        if (cleanup.enabled()) {
            long barTime = values.getBarTime().toEpochMilli();
            lastBarTime.update(barTime);
            ctx.timerService().registerEventTimeTimer(cleanup.timerFor(barTime));
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
        Long last = lastBarTime.value();
        if (last != null && cleanup.isIdle(last, timestamp)) {
            memory.clear();
            lastBarTime.clear();
            idleKeysCleared.inc();
        }
    }
}
