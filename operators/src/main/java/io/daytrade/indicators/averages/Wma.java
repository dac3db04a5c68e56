package io.daytrade.indicators.averages;

import io.daytrade.indicators.RingBuffer;
import io.daytrade.indicators.SingleInputIndicator;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Linearly weighted moving average, TA-Lib WMA: weight {@code period} on the newest value down to 1
 * on the oldest. O(1) per bar with TA-Lib's two running sums (the plain sum and the weighted sum).
 */
public final class Wma extends SingleInputIndicator {

    private final int period;
    private final double divider;
    private final RingBuffer window;
    private double periodSum;
    private double periodSub;
    private double trailingValue;
    private double value;

    public Wma(int period) {
        this.period = period;
        this.divider = (period * (period + 1)) >> 1;
        this.window = new RingBuffer(period);
    }

    @Override
    public void update(double x) {
        window.add(x);
        if (!window.isFull()) {
            periodSub += x;
            periodSum += x * window.added();
            return;
        }
        periodSub += x;
        periodSub -= trailingValue;
        periodSum += x * period;
        trailingValue = window.oldest();
        value = periodSum / divider;
        periodSum -= periodSub;
    }

    @Override
    public boolean hasValue() {
        return window.isFull();
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
        window.clear();
        periodSum = 0;
        periodSub = 0;
        trailingValue = 0;
        value = 0;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        window.writeState(out);
        out.writeDouble(periodSum);
        out.writeDouble(periodSub);
        out.writeDouble(trailingValue);
        out.writeDouble(value);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        window.readState(in);
        periodSum = in.readDouble();
        periodSub = in.readDouble();
        trailingValue = in.readDouble();
        value = in.readDouble();
    }
}
