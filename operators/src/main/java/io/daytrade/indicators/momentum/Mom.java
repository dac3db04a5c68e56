package io.daytrade.indicators.momentum;

import io.daytrade.indicators.RingBuffer;
import io.daytrade.indicators.SingleInputIndicator;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Momentum, TA-Lib MOM: x - x[t-n]. */
public final class Mom extends SingleInputIndicator {

    private final int period;
    private final RingBuffer window;

    public Mom(int period) {
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
        return window.ago(0) - window.ago(period);
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
