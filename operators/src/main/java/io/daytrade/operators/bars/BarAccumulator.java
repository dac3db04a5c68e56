package io.daytrade.operators.bars;

import io.daytrade.schemas.Bar;

import java.time.Instant;

/**
 * One symbol's bar of one interval, or a part of it: ticks and other parts can be added in any order and
 * the bar comes out the same. The open is the tick first by (event time, sequence, lower price), the
 * close the last by (event time, sequence, higher price); volume and notional are exact sums. That is
 * what lets ticks be pre-aggregated on any subtask before the shuffle and merged in whatever order the
 * parts arrive, with byte-identical bars. A Flink POJO.
 */
public class BarAccumulator {

    public long windowStart;
    public long windowEnd;
    public double open;
    public long openTime;
    public long openSequence;
    public double high;
    public double low;
    public double close;
    public long closeTime;
    public long closeSequence;
    public ExactSum volume;
    /** Sum of price * size, for the VWAP. */
    public ExactSum notional;
    public long tickCount;
    /** Wall-clock arrival of the latest tick added, for the latency metric only; never part of a bar's values. */
    public long lastArrival;

    public BarAccumulator() {}

    public static BarAccumulator empty(long windowStart, long windowEnd) {
        BarAccumulator bar = new BarAccumulator();
        bar.windowStart = windowStart;
        bar.windowEnd = windowEnd;
        bar.high = Double.NEGATIVE_INFINITY;
        bar.low = Double.POSITIVE_INFINITY;
        bar.openTime = Long.MAX_VALUE;
        bar.openSequence = Long.MAX_VALUE;
        bar.closeTime = Long.MIN_VALUE;
        bar.closeSequence = Long.MIN_VALUE;
        bar.volume = new ExactSum();
        bar.notional = new ExactSum();
        return bar;
    }

    public void add(long eventTime, long sequence, double price, double size, long arrival) {
        addPriceAndTime(eventTime, sequence, price, arrival);
        volume.add(size);
        notional.add(price * size);
    }

    /**
     * As {@link #add(long, long, double, double, long)}, with the size and notional added to sums in
     * progress; the caller drains them into {@link #volume} and {@link #notional} before the bar is read
     * or sent.
     */
    public void add(long eventTime, long sequence, double price, double size, long arrival,
            FixedPointSum volumeInProgress, FixedPointSum notionalInProgress) {
        addPriceAndTime(eventTime, sequence, price, arrival);
        volumeInProgress.add(size, volume);
        notionalInProgress.add(price * size, notional);
    }

    private void addPriceAndTime(long eventTime, long sequence, double price, long arrival) {
        takeOpen(eventTime, sequence, price);
        takeClose(eventTime, sequence, price);
        high = Math.max(high, price);
        low = Math.min(low, price);
        tickCount++;
        lastArrival = Math.max(lastArrival, arrival);
    }

    /** Adds another part of the same bar. */
    public void merge(BarAccumulator other) {
        if (other.windowStart != windowStart || other.windowEnd != windowEnd) {
            throw new IllegalArgumentException("parts of different bars: [" + windowStart + ", " + windowEnd
                    + ") and [" + other.windowStart + ", " + other.windowEnd + ")");
        }
        if (other.tickCount == 0) {
            return;
        }
        takeOpen(other.openTime, other.openSequence, other.open);
        takeClose(other.closeTime, other.closeSequence, other.close);
        high = Math.max(high, other.high);
        low = Math.min(low, other.low);
        volume.add(other.volume);
        notional.add(other.notional);
        tickCount += other.tickCount;
        lastArrival = Math.max(lastArrival, other.lastArrival);
    }

    private void takeOpen(long time, long sequence, double price) {
        int order = time != openTime ? Long.compare(time, openTime)
                : sequence != openSequence ? Long.compare(sequence, openSequence)
                : Double.compare(price, open);
        if (tickCount == 0 || order < 0) {
            openTime = time;
            openSequence = sequence;
            open = price;
        }
    }

    private void takeClose(long time, long sequence, double price) {
        int order = time != closeTime ? Long.compare(time, closeTime)
                : sequence != closeSequence ? Long.compare(sequence, closeSequence)
                : Double.compare(price, close);
        if (tickCount == 0 || order > 0) {
            closeTime = time;
            closeSequence = sequence;
            close = price;
        }
    }

    /** The last event-time millisecond of this bar: its timer fires when the watermark reaches it. */
    public long lastMillisecond() {
        return windowEnd - 1;
    }

    public Bar toBar(String symbol, String interval) {
        double totalVolume = volume.value();
        // Setters rather than Avro's builder: its build() looked up and deep-copied the default of the unset
        // arrival field for every bar.
        Bar bar = new Bar();
        bar.setSymbol(symbol);
        bar.setInterval(interval);
        bar.setWindowStart(Instant.ofEpochMilli(windowStart));
        bar.setWindowEnd(Instant.ofEpochMilli(windowEnd));
        bar.setOpen(open);
        bar.setHigh(high);
        bar.setLow(low);
        bar.setClose(close);
        bar.setVolume(totalVolume);
        bar.setTickCount(tickCount);
        bar.setVwap(totalVolume > 0 ? notional.value() / totalVolume : close);
        return bar;
    }
}
