package io.daytrade.indicators.averages;

import io.daytrade.indicators.SingleInputIndicator;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Double exponential moving average, TA-Lib DEMA: {@code 2 * ema(x) - ema(ema(x))}. */
public final class Dema extends SingleInputIndicator {

    private final int period;
    private final Ema first;
    private final Ema second;

    public Dema(int period) {
        this.period = period;
        this.first = new Ema(period);
        this.second = new Ema(period);
    }

    @Override
    public void update(double x) {
        first.update(x);
        if (first.hasValue()) {
            second.update(first.value());
        }
    }

    @Override
    public boolean hasValue() {
        return second.hasValue();
    }

    @Override
    public double value(int output) {
        return (2.0 * first.value()) - second.value();
    }

    @Override
    public int lookback() {
        return 2 * (period - 1);
    }

    @Override
    public void reset() {
        first.reset();
        second.reset();
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        first.writeState(out);
        second.writeState(out);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        first.readState(in);
        second.readState(in);
    }
}
