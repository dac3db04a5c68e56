package io.daytrade.indicators.momentum;

import io.daytrade.indicators.SingleInputIndicator;
import io.daytrade.indicators.averages.Ema;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Moving average convergence/divergence, TA-Lib MACD. Outputs: 0 the MACD line (fast EMA minus slow
 * EMA), 1 the signal (EMA of the line), 2 the histogram (line minus signal). TA-Lib starts the fast EMA
 * late, so that it is seeded on the bar where the slow one is (bar slow-1), and all three outputs begin
 * together at bar (slow-1)+(signal-1): 33 for 12/26/9. A fast period above the slow one is swapped.
 */
public final class Macd extends SingleInputIndicator {

    private final int fastPeriod;
    private final int slowPeriod;
    private final int signalPeriod;
    private final Ema fast;
    private final Ema slow;
    private final Ema signal;
    private long count;
    private double line;

    public Macd(int fastPeriod, int slowPeriod, int signalPeriod) {
        this.fastPeriod = Math.min(fastPeriod, slowPeriod);
        this.slowPeriod = Math.max(fastPeriod, slowPeriod);
        this.signalPeriod = signalPeriod;
        this.fast = new Ema(this.fastPeriod);
        this.slow = new Ema(this.slowPeriod);
        this.signal = new Ema(signalPeriod);
    }

    @Override
    public void update(double x) {
        count++;
        slow.update(x);
        if (count > slowPeriod - fastPeriod) {
            fast.update(x);
        }
        if (slow.hasValue()) {
            line = fast.value() - slow.value();
            signal.update(line);
        }
    }

    @Override
    public boolean hasValue() {
        return signal.hasValue();
    }

    @Override
    public int outputs() {
        return 3;
    }

    @Override
    public double value(int output) {
        switch (output) {
            case 0:
                return line;
            case 1:
                return signal.value();
            case 2:
                return line - signal.value();
            default:
                throw new IndexOutOfBoundsException("MACD has 3 outputs: " + output);
        }
    }

    @Override
    public int lookback() {
        return (slowPeriod - 1) + (signalPeriod - 1);
    }

    @Override
    public void reset() {
        fast.reset();
        slow.reset();
        signal.reset();
        count = 0;
        line = 0;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeLong(count);
        out.writeDouble(line);
        fast.writeState(out);
        slow.writeState(out);
        signal.writeState(out);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        count = in.readLong();
        line = in.readDouble();
        fast.readState(in);
        slow.readState(in);
        signal.readState(in);
    }
}
