package io.daytrade.operators.signals;

import io.daytrade.operators.statecache.KeyedStateCache;
import io.daytrade.schemas.IndicatorValues;
import io.daytrade.signals.RuleMemory;
import io.daytrade.signals.SignalRules;

import java.util.List;

import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The keyed state of the signal stage (uid {@code signal-rules}): one symbol and interval's
 * {@link RuleMemory} and the time of its last bar. Shared by the operator and by the savepoint tools.
 */
public final class RuleState {

    public static final String MEMORY = "rule-memory";
    public static final String LAST_BAR_TIME = "last-bar-time";

    private final SignalRules rules;
    private final List<String> indicatorColumns;
    private final double[] row;
    private final ValueState<RuleMemory> memory;
    private final ValueState<Long> lastBarTime;

    /** @param rules compiled against {@code close} and {@code indicatorColumns} ({@link SignalFunction#rowLayout}) */
    public RuleState(RuntimeContext context, SignalRules rules, List<String> indicatorColumns) {
        this(context, rules, indicatorColumns, KeyedStateCache.passThrough());
    }

    /** @param cache holds the states between checkpoints (the live job's operator gives one) */
    public RuleState(RuntimeContext context, SignalRules rules, List<String> indicatorColumns, KeyedStateCache cache) {
        this.rules = rules;
        this.indicatorColumns = List.copyOf(indicatorColumns);
        this.row = new double[rules.columns().size()];
        this.memory = cache.value(context.getState(new ValueStateDescriptor<>(MEMORY, RuleMemory.class)));
        this.lastBarTime = cache.value(context.getState(new ValueStateDescriptor<>(LAST_BAR_TIME, Types.LONG)));
    }

    /** Evaluates the rules on the current key's next bar and keeps what they remember. */
    public List<SignalRules.Fired> evaluate(IndicatorValues values) throws Exception {
        row[0] = values.getClose();
        for (int i = 0; i < indicatorColumns.size(); i++) {
            Double value = values.getValues().get(indicatorColumns.get(i));
            row[i + 1] = value == null ? Double.NaN : value;
        }
        RuleMemory state = memory.value();
        state = state == null ? rules.newMemory() : rules.fit(state);
        List<SignalRules.Fired> fired = rules.evaluate(row, state);
        memory.update(state);
        lastBarTime.update(values.getBarTime().toEpochMilli());
        return fired;
    }

    /** The time of the current key's last bar, or null. */
    public Long lastBarTime() throws Exception {
        return lastBarTime.value();
    }

    public RuleMemory memory() throws Exception {
        return memory.value();
    }

    public void clear() {
        memory.clear();
        lastBarTime.clear();
    }
}
