package io.daytrade.operators.indicators;

import io.daytrade.indicators.IndicatorSet;
import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.operators.statecache.KeyedStateCache;
import io.daytrade.schemas.Bar;

import java.util.List;

import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The keyed state of the indicator stage (uid {@code bar-indicators}): one symbol and interval's
 * {@link IndicatorSet} and the time of its last bar. Shared by the operator and by the savepoint tools
 * that write and read this state, so that names and serializers cannot drift apart.
 */
public final class IndicatorState {

    public static final String INDICATORS = "indicators";
    public static final String LAST_BAR_TIME = "last-bar-time";

    private final List<IndicatorSpec> specs;
    private final ValueState<IndicatorSet> indicators;
    private final ValueState<Long> lastBarTime;

    public IndicatorState(RuntimeContext context, List<IndicatorSpec> specs) {
        this(context, specs, KeyedStateCache.passThrough());
    }

    /** @param cache holds the states between checkpoints (the live job's operator gives one) */
    public IndicatorState(RuntimeContext context, List<IndicatorSpec> specs, KeyedStateCache cache) {
        this.specs = List.copyOf(specs);
        this.indicators = cache.value(
                context.getState(new ValueStateDescriptor<>(INDICATORS, new IndicatorSetSerializer(specs))));
        this.lastBarTime = cache.value(context.getState(new ValueStateDescriptor<>(LAST_BAR_TIME, Types.LONG)));
    }

    /** The time of the current key's last bar, or null. */
    public Long lastBarTime() throws Exception {
        return lastBarTime.value();
    }

    /**
     * Feeds the current key's next bar to its indicators.
     *
     * @return the updated indicators, or null if the bar is not after the last one (then nothing changes)
     */
    public IndicatorSet advance(Bar bar) throws Exception {
        return advance(bar, lastBarTime.value());
    }

    /** As {@link #advance(Bar)}, for a caller that has read {@link #lastBarTime()} already (one state read less). */
    public IndicatorSet advance(Bar bar, Long last) throws Exception {
        long barTime = bar.getWindowStart().toEpochMilli();
        if (last != null && barTime <= last) {
            return null;
        }
        IndicatorSet set = current();
        set.update(bar.getOpen(), bar.getHigh(), bar.getLow(), bar.getClose(), bar.getVolume(), barTime);
        indicators.update(set);
        lastBarTime.update(barTime);
        return set;
    }

    /** The current key's indicators as configured; after a restore with a changed list, moved over to it. */
    public IndicatorSet current() throws Exception {
        IndicatorSet set = indicators.value();
        if (set == null) {
            return new IndicatorSet(specs);
        }
        if (!set.specs().equals(specs)) {
            return IndicatorSetSerializer.adapt(set, specs);
        }
        return set;
    }

    public void clear() {
        indicators.clear();
        lastBarTime.clear();
    }
}
