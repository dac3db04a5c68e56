package io.daytrade.jobs.demo;

import io.daytrade.schemas.Tick;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Four ticks per historical bar (open, the two extremes in the order the close suggests, then the
 * close), so that a live replay rebuilds bars with the original open, high, low and close. For the
 * demo, which has real bars but no real ticks.
 */
public final class BarsToTicks {

    private BarsToTicks() {}

    public static List<Tick> ticks(String symbol, long start, long length, double open, double high, double low,
            double close, double volume, long firstSequence) {
        boolean up = close >= open;
        double[] prices = {open, up ? low : high, up ? high : low, close};
        long[] times = {start, start + length / 4, start + length / 2, start + length - 1_000};
        List<Tick> ticks = new ArrayList<>(4);
        for (int i = 0; i < 4; i++) {
            ticks.add(Tick.newBuilder()
                    .setSymbol(symbol)
                    .setEventTime(Instant.ofEpochMilli(times[i]))
                    .setPrice(prices[i])
                    .setSize(volume / 4)
                    .setSequence(firstSequence + i)
                    .build());
        }
        return ticks;
    }
}
