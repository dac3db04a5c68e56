package io.daytrade.indicators.volatility;

import io.daytrade.indicators.Indicator;
import io.daytrade.indicators.TaLib;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** True range, TA-Lib TRANGE: max(high - low, |high - previous close|, |low - previous close|), from bar 1. */
public final class TrueRange implements Indicator {

    private long count;
    private double previousClose;
    private double value;

    @Override
    public void update(double open, double high, double low, double close, double volume, long barTime) {
        count++;
        if (count > 1) {
            value = TaLib.trueRange(high, low, previousClose);
        }
        previousClose = close;
    }

    @Override
    public boolean hasValue() {
        return count > 1;
    }

    @Override
    public double value(int output) {
        return value;
    }

    @Override
    public int lookback() {
        return 1;
    }

    @Override
    public void reset() {
        count = 0;
        previousClose = 0;
        value = 0;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeLong(count);
        out.writeDouble(previousClose);
        out.writeDouble(value);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        count = in.readLong();
        previousClose = in.readDouble();
        value = in.readDouble();
    }
}
