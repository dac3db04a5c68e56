package io.daytrade.indicators.momentum;

import io.daytrade.indicators.SingleInputIndicator;
import io.daytrade.indicators.TaLib;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Relative strength index, TA-Lib RSI: Wilder-smoothed gains and losses, seeded with their plain means
 * over the first n changes (first value at bar n). A window with no movement gives 0, as in TA-Lib.
 */
public final class Rsi extends SingleInputIndicator {

    private final int period;
    private long count;
    private double previous;
    private double gain;
    private double loss;

    public Rsi(int period) {
        this.period = period;
    }

    @Override
    public void update(double x) {
        count++;
        if (count == 1) {
            previous = x;
            return;
        }
        double change = x - previous;
        previous = x;
        boolean seeding = count <= period + 1;
        if (!seeding) {
            loss *= (period - 1);
            gain *= (period - 1);
        }
        if (change < 0) {
            loss -= change;
        } else {
            gain += change;
        }
        if (!seeding || count == period + 1) {
            loss /= period;
            gain /= period;
        }
    }

    @Override
    public boolean hasValue() {
        return count > period;
    }

    @Override
    public double value(int output) {
        double total = gain + loss;
        return TaLib.isZero(total) ? 0.0 : 100.0 * (gain / total);
    }

    @Override
    public int lookback() {
        return period;
    }

    @Override
    public void reset() {
        count = 0;
        previous = 0;
        gain = 0;
        loss = 0;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeLong(count);
        out.writeDouble(previous);
        out.writeDouble(gain);
        out.writeDouble(loss);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        count = in.readLong();
        previous = in.readDouble();
        gain = in.readDouble();
        loss = in.readDouble();
    }
}
