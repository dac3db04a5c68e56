package io.daytrade.indicators.momentum;

import io.daytrade.indicators.Indicator;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Minus directional indicator, TA-Lib MINUS_DI: 100 * smoothed -DM / smoothed true range; 0 when the range is 0. */
public final class MinusDi implements Indicator {

    private final int period;
    private final DirectionalMovement movement;

    public MinusDi(int period) {
        this.period = period;
        this.movement = new DirectionalMovement(period);
    }

    @Override
    public void update(double open, double high, double low, double close, double volume, long barTime) {
        movement.update(high, low, close);
    }

    @Override
    public boolean hasValue() {
        return movement.isSmoothing();
    }

    @Override
    public double value(int output) {
        return movement.hasRange() ? movement.minusDi() : 0.0;
    }

    @Override
    public int lookback() {
        return period;
    }

    @Override
    public void reset() {
        movement.reset();
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        movement.writeState(out);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        movement.readState(in);
    }
}
