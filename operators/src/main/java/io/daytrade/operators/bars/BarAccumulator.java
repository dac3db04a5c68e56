package io.daytrade.operators.bars;

import io.daytrade.schemas.Bar;

import java.time.Instant;

/**
 * The bar being built for one symbol and interval. Ticks are folded in canonical order, so the first
 * fold sets the open and every fold moves the close. A Flink POJO.
 */
public class BarAccumulator {

    public long windowStart;
    public long windowEnd;
    public double open;
    public double high;
    public double low;
    public double close;
    public double volume;
    /** Sum of price * size, for the VWAP. */
    public double notional;
    public long tickCount;
    /** Wall-clock arrival of the latest tick folded in, for the latency metric only. */
    public long lastArrival;

    public BarAccumulator() {}

    public static BarAccumulator startingWith(PendingTick tick, long windowStart, long windowEnd) {
        BarAccumulator bar = new BarAccumulator();
        bar.windowStart = windowStart;
        bar.windowEnd = windowEnd;
        bar.open = tick.price;
        bar.high = tick.price;
        bar.low = tick.price;
        bar.close = tick.price;
        bar.volume = tick.size;
        bar.notional = tick.price * tick.size;
        bar.tickCount = 1;
        bar.lastArrival = tick.arrivedAt;
        return bar;
    }

    public void add(PendingTick tick) {
        high = Math.max(high, tick.price);
        low = Math.min(low, tick.price);
        close = tick.price;
        volume += tick.size;
        notional += tick.price * tick.size;
        tickCount++;
        lastArrival = Math.max(lastArrival, tick.arrivedAt);
    }

    /** The last event-time millisecond of this bar: its timer fires when the watermark reaches it. */
    public long lastMillisecond() {
        return windowEnd - 1;
    }

    public Bar toBar(String symbol, String interval) {
        return Bar.newBuilder()
                .setSymbol(symbol)
                .setInterval(interval)
                .setWindowStart(Instant.ofEpochMilli(windowStart))
                .setWindowEnd(Instant.ofEpochMilli(windowEnd))
                .setOpen(open)
                .setHigh(high)
                .setLow(low)
                .setClose(close)
                .setVolume(volume)
                .setTickCount(tickCount)
                .setVwap(volume > 0 ? notional / volume : close)
                .build();
    }
}
