package io.daytrade.indicators.momentum;

import io.daytrade.indicators.Indicator;
import io.daytrade.indicators.RingBuffer;
import io.daytrade.indicators.SlidingExtreme;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Williams %R, TA-Lib WILLR: (highest - close) / (highest - lowest) * -100 over n bars; 0 when flat. */
public final class WillR implements Indicator {

    private final int period;
    private final RingBuffer highs;
    private final RingBuffer lows;
    private final SlidingExtreme highest;
    private final SlidingExtreme lowest;
    private double value;

    public WillR(int period) {
        this.period = period;
        this.highs = new RingBuffer(period);
        this.lows = new RingBuffer(period);
        this.highest = SlidingExtreme.highest(period);
        this.lowest = SlidingExtreme.lowest(period);
    }

    @Override
    public void update(double open, double high, double low, double close, double volume, long barTime) {
        highs.add(high);
        lows.add(low);
        highest.update(highs);
        lowest.update(lows);
        if (!highs.isFull()) {
            return;
        }
        double highestHigh = highest.value();
        double diff = (highestHigh - lowest.value()) / (-100.0);
        value = diff != 0.0 ? (highestHigh - close) / diff : 0.0;
    }

    @Override
    public boolean hasValue() {
        return highs.isFull();
    }

    @Override
    public double value(int output) {
        return value;
    }

    @Override
    public int lookback() {
        return period - 1;
    }

    @Override
    public void reset() {
        highs.clear();
        lows.clear();
        highest.invalidate();
        lowest.invalidate();
        value = 0;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        highs.writeState(out);
        lows.writeState(out);
        out.writeDouble(value);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        highs.readState(in);
        lows.readState(in);
        highest.invalidate();
        lowest.invalidate();
        value = in.readDouble();
    }
}
