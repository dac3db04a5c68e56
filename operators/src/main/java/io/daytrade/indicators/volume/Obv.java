package io.daytrade.indicators.volume;

import io.daytrade.indicators.Indicator;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * On-balance volume, TA-Lib OBV: add the volume on an up close, subtract it on a down close. Like
 * TA-Lib it starts from the first bar's volume, not from 0.
 */
public final class Obv implements Indicator {

    private long count;
    private double previousClose;
    private double value;

    @Override
    public void update(double open, double high, double low, double close, double volume, long barTime) {
        count++;
        if (count == 1) {
            value = volume;
        } else if (close > previousClose) {
            value += volume;
        } else if (close < previousClose) {
            value -= volume;
        }
        previousClose = close;
    }

    @Override
    public boolean hasValue() {
        return count > 0;
    }

    @Override
    public double value(int output) {
        return value;
    }

    @Override
    public int lookback() {
        return 0;
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
