package io.daytrade.state.savepoint;

import io.daytrade.operators.bars.BarAccumulator;
import io.daytrade.operators.bars.BarAssembler;
import io.daytrade.operators.bars.BarInterval;
import io.daytrade.schemas.Tick;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.state.api.functions.KeyedStateBootstrapFunction;

/**
 * Writes the bars stage's state for the bar in progress: the ticks so far folded into the open bar,
 * with the timer at the bar's end. The live job merges its own ticks of that bar into it; bar parts
 * merge the same in any order, so the bar equals one built from all its ticks in a single run.
 */
public class OpenBarBootstrap extends KeyedStateBootstrapFunction<String, Tick> {

    private static final long serialVersionUID = 1L;

    private final BarInterval interval;
    private transient MapState<Long, BarAccumulator> openBars;

    public OpenBarBootstrap(BarInterval interval) {
        this.interval = interval;
    }

    @Override
    public void open(OpenContext openContext) {
        openBars = getRuntimeContext().getMapState(BarAssembler.openBarsDescriptor(interval));
    }

    @Override
    public void processElement(Tick tick, Context ctx) throws Exception {
        long time = tick.getEventTime().toEpochMilli();
        long start = interval.windowStart(time);
        BarAccumulator bar = openBars.get(start);
        if (bar == null) {
            bar = BarAccumulator.empty(start, start + interval.millis());
        }
        bar.add(time, tick.getSequence() == null ? 0L : tick.getSequence(), tick.getPrice(), tick.getSize(), 0L);
        openBars.put(start, bar);
        ctx.timerService().registerEventTimeTimer(bar.lastMillisecond());
    }
}
