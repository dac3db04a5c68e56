package io.daytrade.indicators.momentum;

import io.daytrade.indicators.Indicator;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** What +DI and -DI share: the smoothed movement, their lookback n, and 0 when the range is 0. */
abstract class DirectionalIndicator implements Indicator {

    private final int period;
    private final DirectionalMovement movement;

    DirectionalIndicator(int period) {
        this.period = period;
        this.movement = new DirectionalMovement(period);
    }

    /** The one DI this indicator reports. */
    abstract double di(DirectionalMovement movement);

    @Override
    public final void update(double open, double high, double low, double close, double volume, long barTime) {
        movement.update(high, low, close);
    }

    @Override
    public final boolean hasValue() {
        return movement.isSmoothing();
    }

    @Override
    public final double value(int output) {
        return movement.hasRange() ? di(movement) : 0.0;
    }

    @Override
    public final int lookback() {
        return period;
    }

    @Override
    public final void reset() {
        movement.reset();
    }

    @Override
    public final void writeState(DataOutput out) throws IOException {
        movement.writeState(out);
    }

    @Override
    public final void readState(DataInput in) throws IOException {
        movement.readState(in);
    }
}
