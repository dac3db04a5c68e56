package io.daytrade.indicators.averages;

import io.daytrade.indicators.SingleInputIndicator;
import io.daytrade.indicators.TaLib;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Exponential moving average, TA-Lib EMA: seeded with the plain mean of the first {@code period}
 * values (TA-Lib's default compatibility; Metastock's seeds with the first value instead), then
 * {@code ema += (x - ema) * 2 / (period + 1)}.
 */
public final class Ema extends SingleInputIndicator {

    private final int period;
    private final double k;
    private long count;
    private double value;

    public Ema(int period) {
        this.period = period;
        this.k = TaLib.emaFactor(period);
    }

    @Override
    public void update(double x) {
        count++;
        if (count < period) {
            value += x;
        } else if (count == period) {
            value = (value + x) / period;
        } else {
            value = ((x - value) * k) + value;
        }
    }

    @Override
    public boolean hasValue() {
        return count >= period;
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
