package io.daytrade.indicators.volume;

import io.daytrade.indicators.Indicator;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Chaikin accumulation/distribution line, TA-Lib AD: the running sum of
 * ((close - low) - (high - close)) / (high - low) * volume; a bar with no range adds nothing.
 */
public final class AccumulationDistribution implements Indicator {

    private long count;
    private double value;

    @Override
    public void update(double open, double high, double low, double close, double volume, long barTime) {
        count++;
        double range = high - low;
        if (range > 0.0) {
            value += (((close - low) - (high - close)) / range) * volume;
        }
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
        value = 0;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeLong(count);
        out.writeDouble(value);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        count = in.readLong();
        value = in.readDouble();
    }
}
