package io.daytrade.indicators.momentum;

import io.daytrade.indicators.RingBuffer;
import io.daytrade.indicators.SingleInputIndicator;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Rate of change, TA-Lib ROC: ((x / x[t-n]) - 1) * 100; 0 when x[t-n] is 0. */
public final class Roc extends SingleInputIndicator {

    private final int period;
    private final RingBuffer window;

    public Roc(int period) {
        this.period = period;
        this.window = new RingBuffer(period + 1);
    }

    @Override
    public void update(double x) {
        window.add(x);
    }

    @Override
    public boolean hasValue() {
        return window.isFull();
    }

    @Override
    public double value(int output) {
        double then = window.ago(period);
        return then != 0.0 ? ((window.ago(0) / then) - 1.0) * 100.0 : 0.0;
    }

    @Override
    public int lookback() {
        return period;
    }

    @Override
    public void reset() {
        window.clear();
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        window.writeState(out);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        window.readState(in);
    }
}
