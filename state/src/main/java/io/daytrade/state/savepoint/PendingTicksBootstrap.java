package io.daytrade.state.savepoint;

import io.daytrade.operators.bars.BarInterval;
import io.daytrade.operators.bars.PendingTick;
import io.daytrade.operators.bars.TickToBarFunction;
import io.daytrade.schemas.Tick;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.state.api.functions.KeyedStateBootstrapFunction;

/**
 * Writes the bars stage's state for the bar in progress: its ticks so far wait in the operator's
 * pending list, with the timer at the bar's end that makes the live job fold them, with the live ticks of
 * the same bar, in (time, sequence) order once the watermark passes.
 */
public class PendingTicksBootstrap extends KeyedStateBootstrapFunction<String, Tick> {

    private static final long serialVersionUID = 1L;

    private final BarInterval interval;
    private transient ListState<PendingTick> pending;

    public PendingTicksBootstrap(BarInterval interval) {
        this.interval = interval;
    }

    @Override
    public void open(OpenContext openContext) {
        pending = getRuntimeContext().getListState(
                new ListStateDescriptor<>(TickToBarFunction.PENDING_TICKS, PendingTick.class));
    }

    @Override
    public void processElement(Tick tick, Context ctx) throws Exception {
        long time = tick.getEventTime().toEpochMilli();
        long sequence = tick.getSequence() == null ? 0L : tick.getSequence();
        pending.add(new PendingTick(time, sequence, tick.getPrice(), tick.getSize(), 0L));
        ctx.timerService().registerEventTimeTimer(interval.windowStart(time) + interval.millis() - 1);
    }
}
