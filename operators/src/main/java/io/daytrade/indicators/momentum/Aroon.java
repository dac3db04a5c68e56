package io.daytrade.indicators.momentum;

import io.daytrade.indicators.Indicator;
import io.daytrade.indicators.RingBuffer;
import io.daytrade.indicators.RollingExtreme;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Aroon, TA-Lib AROON over n+1 bars: output 0 (up) = 100 * (n - bars since the highest high) / n,
 * output 1 (down) the same for the lowest low. On ties the most recent extreme counts, as in TA-Lib.
 */
public final class Aroon implements Indicator {

    private final int period;
    private final double factor;
    private final RingBuffer highs;
    private final RingBuffer lows;
    private final RollingExtreme highest;
    private final RollingExtreme lowest;

    public Aroon(int period) {
        this.period = period;
        this.factor = 100.0 / period;
        this.highs = new RingBuffer(period + 1);
        this.lows = new RingBuffer(period + 1);
        this.highest = RollingExtreme.highest(period + 1);
        this.lowest = RollingExtreme.lowest(period + 1);
    }

    @Override
    public void update(double open, double high, double low, double close, double volume, long barTime) {
        highs.add(high);
        lows.add(low);
        highest.update(highs);
        lowest.update(lows);
    }

    @Override
    public boolean hasValue() {
        return highs.isFull();
    }

    @Override
    public int outputs() {
        return 2;
    }

    @Override
    public double value(int output) {
        switch (output) {
            case 0:
                return factor * (period - highest.ago(highs));
            case 1:
                return factor * (period - lowest.ago(lows));
            default:
                throw new IndexOutOfBoundsException("AROON has 2 outputs: " + output);
        }
    }

    @Override
    public int lookback() {
        return period;
    }

    @Override
    public void reset() {
        highs.clear();
        lows.clear();
        highest.invalidate();
        lowest.invalidate();
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        highs.writeState(out);
        lows.writeState(out);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        highs.readState(in);
        lows.readState(in);
        highest.invalidate();
        lowest.invalidate();
    }
}
