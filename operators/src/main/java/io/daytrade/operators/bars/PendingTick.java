package io.daytrade.operators.bars;

import java.util.Comparator;

/**
 * A tick held until the watermark says no earlier tick can still arrive; then it is folded into its
 * bars in (event time, sequence) order. A Flink POJO: public fields and a no-argument constructor.
 */
public class PendingTick {

    /** The order ticks are folded in, whatever order they arrived in. */
    public static final Comparator<PendingTick> CANONICAL_ORDER =
            Comparator.comparingLong((PendingTick t) -> t.eventTime).thenComparingLong(t -> t.sequence);

    public long eventTime;
    /** Arrival order within the symbol; 0 when the source gives none (then arrival order is kept). */
    public long sequence;
    public double price;
    public double size;
    /** Wall-clock arrival, for the latency metric only; never part of any output. */
    public long arrivedAt;

    public PendingTick() {}

    public PendingTick(long eventTime, long sequence, double price, double size, long arrivedAt) {
        this.eventTime = eventTime;
        this.sequence = sequence;
        this.price = price;
        this.size = size;
        this.arrivedAt = arrivedAt;
    }
}
