package io.daytrade.indicators.averages;

import io.daytrade.indicators.SingleInputIndicator;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Triple exponential moving average, TA-Lib TEMA: {@code 3*e1 - 3*e2 + e3}, each e the EMA of the one before. */
public final class Tema extends SingleInputIndicator {

    private final int period;
    private final Ema first;
    private final Ema second;
    private final Ema third;

    public Tema(int period) {
        this.period = period;
        this.first = new Ema(period);
        this.second = new Ema(period);
        this.third = new Ema(period);
    }

    @Override
    public void update(double x) {
        first.update(x);
        if (first.hasValue()) {
            second.update(first.value());
            if (second.hasValue()) {
                third.update(second.value());
            }
        }
    }

    @Override
    public boolean hasValue() {
        return third.hasValue();
    }

    @Override
    public double value(int output) {
        return third.value() + ((3.0 * first.value()) - (3.0 * second.value()));
    }

    @Override
    public int lookback() {
        return 3 * (period - 1);
    }

    @Override
    public void reset() {
        first.reset();
        second.reset();
        third.reset();
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        first.writeState(out);
        second.writeState(out);
        third.writeState(out);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        first.readState(in);
        second.readState(in);
        third.readState(in);
    }
}
