package io.daytrade.operators.validation;

import io.daytrade.operators.deadletters.DeadLetters;
import io.daytrade.schemas.DeadLetter;
import io.daytrade.schemas.Tick;
import io.daytrade.schemas.TickBytes;

import java.util.HashMap;
import java.util.Map;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MeterView;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;

/**
 * Passes on decoded ticks that pass {@link TickValidator}; everything else (undecodable bytes, bad
 * values) goes to the dead-letter side output. Counts dead letters per reason ({@code deadLetters_<reason>})
 * and ticks in per second ({@code ticksInPerSecond}), visible in the Flink web UI.
 */
public final class ValidateTicks extends ProcessFunction<Either<DeadLetter, Tick>, Tick> {

    private static final long serialVersionUID = 1L;

    private final String source;
    private transient Map<String, Counter> deadLettersByReason;
    private transient Counter ticksIn;

    public ValidateTicks(String source) {
        this.source = source;
    }

    @Override
    public void open(OpenContext openContext) {
        deadLettersByReason = new HashMap<>();
        ticksIn = getRuntimeContext().getMetricGroup().counter("ticksIn");
        getRuntimeContext().getMetricGroup().meter("ticksInPerSecond", new MeterView(ticksIn));
        for (String reason : new String[] {DeadLetters.MALFORMED, DeadLetters.MISSING_SYMBOL,
                DeadLetters.NON_POSITIVE_PRICE, DeadLetters.NEGATIVE_SIZE}) {
            counter(reason);
        }
    }

    @Override
    public void processElement(Either<DeadLetter, Tick> record, Context ctx, Collector<Tick> out) throws Exception {
        ticksIn.inc();
        if (record.isLeft()) {
            reject(record.left(), ctx);
            return;
        }
        Tick tick = record.right();
        TickValidator.Problem problem = TickValidator.check(tick);
        if (problem == null) {
            out.collect(tick);
            return;
        }
        reject(DeadLetters.of(source, tick.getSequence(), TickBytes.of(tick), problem.reason(), problem.detail()), ctx);
    }

    private void reject(DeadLetter deadLetter, Context ctx) {
        counter(deadLetter.getReason()).inc();
        ctx.output(DeadLetters.TAG, deadLetter);
    }

    private Counter counter(String reason) {
        return deadLettersByReason.computeIfAbsent(reason,
                r -> getRuntimeContext().getMetricGroup().counter("deadLetters_" + r));
    }
}
