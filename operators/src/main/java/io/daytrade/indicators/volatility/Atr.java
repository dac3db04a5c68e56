package io.daytrade.indicators.volatility;

import io.daytrade.indicators.Indicator;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Average true range, TA-Lib ATR: the plain mean of the first n true ranges (bars 1..n), then Wilder
 * smoothing {@code (atr * (n-1) + tr) / n}.
 */
public final class Atr implements Indicator {

    private final int period;
    private final TrueRange trueRange = new TrueRange();
    private long ranges;
    private double value;

    public Atr(int period) {
        this.period = period;
    }

    @Override
    public void update(double open, double high, double low, double close, double volume, long barTime) {
        trueRange.update(open, high, low, close, volume, barTime);
        if (!trueRange.hasValue()) {
            return;
        }
        ranges++;
        double range = trueRange.value();
        if (ranges < period) {
            value += range;
        } else if (ranges == period) {
            value = (value + range) / period;
        } else {
            value *= period - 1;
            value += range;
            value /= period;
        }
    }

    @Override
    public boolean hasValue() {
        return ranges >= period;
    }

    @Override
    public double value(int output) {
        return value;
    }

    @Override
    public int lookback() {
        return period;
    }

    @Override
    public void reset() {
        trueRange.reset();
        ranges = 0;
        value = 0;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        trueRange.writeState(out);
        out.writeLong(ranges);
        out.writeDouble(value);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        trueRange.readState(in);
        ranges = in.readLong();
        value = in.readDouble();
    }
}
