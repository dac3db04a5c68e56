package io.daytrade.indicators.momentum;

import io.daytrade.indicators.Indicator;
import io.daytrade.indicators.RingBuffer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Commodity channel index, TA-Lib CCI: (tp - mean(tp)) / (0.015 * mean |tp - mean(tp)|) with the typical
 * price tp = (high+low+close)/3 over n bars. O(n) per bar, like TA-Lib, which sums its circular buffer
 * in slot order; a zero deviation gives 0.
 */
public final class Cci implements Indicator {

    private final int period;
    private final RingBuffer typical;
    private double value;

    public Cci(int period) {
        this.period = period;
        this.typical = new RingBuffer(period);
    }

    @Override
    public void update(double open, double high, double low, double close, double volume, long barTime) {
        double last = (high + low + close) / 3;
        typical.add(last);
        if (!typical.isFull()) {
            return;
        }
        double average = 0;
        for (int slot = 0; slot < period; slot++) {
            average += typical.slot(slot);
        }
        average /= period;
        double deviation = 0;
        for (int slot = 0; slot < period; slot++) {
            deviation += Math.abs(typical.slot(slot) - average);
        }
        double distance = last - average;
        value = (distance != 0.0 && deviation != 0.0) ? distance / (0.015 * (deviation / period)) : 0.0;
    }

    @Override
    public boolean hasValue() {
        return typical.isFull();
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
        typical.clear();
        value = 0;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        typical.writeState(out);
        out.writeDouble(value);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        typical.readState(in);
        value = in.readDouble();
    }
}
