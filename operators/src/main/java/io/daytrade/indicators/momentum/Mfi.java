package io.daytrade.indicators.momentum;

import io.daytrade.indicators.Indicator;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Money flow index, TA-Lib MFI: 100 * positive flow / total flow over n bars, where a bar's flow is
 * typical price * volume, positive when the typical price rose. TA-Lib gives 0 when the total flow is
 * below 1.0 (not just 0), which matters for thinly traded symbols; that is kept.
 */
public final class Mfi implements Indicator {

    private final int period;
    private final double[] positive;
    private final double[] negative;
    private long count;
    private double previousTypical;
    private double positiveSum;
    private double negativeSum;

    public Mfi(int period) {
        this.period = period;
        this.positive = new double[period];
        this.negative = new double[period];
    }

    @Override
    public void update(double open, double high, double low, double close, double volume, long barTime) {
        double typical = (high + low + close) / 3;
        count++;
        if (count == 1) {
            previousTypical = typical;
            return;
        }
        double change = typical - previousTypical;
        previousTypical = typical;
        double flow = typical * volume;
        int slot = (int) ((count - 2) % period);
        if (count > period + 1) {
            positiveSum -= positive[slot];
            negativeSum -= negative[slot];
        }
        positive[slot] = 0.0;
        negative[slot] = 0.0;
        if (change < 0) {
            negative[slot] = flow;
            negativeSum += flow;
        } else if (change > 0) {
            positive[slot] = flow;
            positiveSum += flow;
        }
    }

    @Override
    public boolean hasValue() {
        return count > period;
    }

    @Override
    public double value(int output) {
        double total = positiveSum + negativeSum;
        return total < 1.0 ? 0.0 : 100.0 * (positiveSum / total);
    }

    @Override
    public int lookback() {
        return period;
    }

    @Override
    public void reset() {
        Arrays.fill(positive, 0.0);
        Arrays.fill(negative, 0.0);
        count = 0;
        previousTypical = 0;
        positiveSum = 0;
        negativeSum = 0;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeLong(count);
        out.writeDouble(previousTypical);
        out.writeDouble(positiveSum);
        out.writeDouble(negativeSum);
        for (int i = 0; i < period; i++) {
            out.writeDouble(positive[i]);
            out.writeDouble(negative[i]);
        }
    }

    @Override
    public void readState(DataInput in) throws IOException {
        count = in.readLong();
        previousTypical = in.readDouble();
        positiveSum = in.readDouble();
        negativeSum = in.readDouble();
        for (int i = 0; i < period; i++) {
            positive[i] = in.readDouble();
            negative[i] = in.readDouble();
        }
    }
}
