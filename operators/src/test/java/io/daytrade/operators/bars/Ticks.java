package io.daytrade.operators.bars;

import io.daytrade.schemas.Tick;

import java.time.Instant;

/** Test ticks. */
public final class Ticks {

    private Ticks() {}

    public static Tick tick(String symbol, long eventTime, double price, double size, long sequence) {
        return Tick.newBuilder()
                .setSymbol(symbol)
                .setEventTime(Instant.ofEpochMilli(eventTime))
                .setPrice(price)
                .setSize(size)
                .setSequence(sequence)
                .build();
    }
}
