package io.daytrade.indicators.averages;

import io.daytrade.indicators.SingleInputIndicator;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Triangular moving average, TA-Lib TRIMA: weights rise linearly to the middle of the window and fall
 * again. That is an SMA of an SMA: of (n+1)/2 twice for odd n, of n/2 then n/2+1 for even n (weights
 * 1,2,2,1 for n=4). TA-Lib keeps its own running sums; the two agree to rounding.
 */
public final class Trima extends SingleInputIndicator {

    private final int period;
    private final Sma inner;
    private final Sma outer;

    public Trima(int period) {
        this.period = period;
        if (period % 2 == 1) {
            this.inner = new Sma((period + 1) / 2);
            this.outer = new Sma((period + 1) / 2);
        } else {
            this.inner = new Sma(period / 2);
            this.outer = new Sma(period / 2 + 1);
        }
    }

    @Override
    public void update(double x) {
        inner.update(x);
        if (inner.hasValue()) {
            outer.update(inner.value());
        }
    }

    @Override
    public boolean hasValue() {
        return outer.hasValue();
    }

    @Override
    public double value(int output) {
        return outer.value();
    }

    @Override
    public int lookback() {
        return period - 1;
    }

    @Override
    public void reset() {
        inner.reset();
        outer.reset();
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        inner.writeState(out);
        outer.writeState(out);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        inner.readState(in);
        outer.readState(in);
    }
}
