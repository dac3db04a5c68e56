package io.daytrade.indicators.momentum;

import io.daytrade.indicators.Indicator;
import io.daytrade.indicators.TaLib;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Average directional index, TA-Lib ADX: DX = 100 * |+DI - -DI| / (+DI + -DI) from bar n on; the first
 * ADX (bar 2n-1, TA-Lib's lookback) is the mean of the first n DX values, later ones are Wilder-smoothed.
 * A bar whose range or DI sum is zero leaves the ADX as it was, as in TA-Lib.
 */
public final class Adx implements Indicator {

    private final int period;
    private final DirectionalMovement movement;
    private double dxSum;
    private double value;

    public Adx(int period) {
        this.period = period;
        this.movement = new DirectionalMovement(period);
    }

    @Override
    public void update(double open, double high, double low, double close, double volume, long barTime) {
        movement.update(high, low, close);
        long bar = movement.barIndex();
        if (bar < period) {
            return;
        }
        double dx = directionalIndex();
        if (bar <= lookback()) {
            if (!Double.isNaN(dx)) {
                dxSum += dx;
            }
            if (bar == lookback()) {
                value = dxSum / period;
            }
        } else if (!Double.isNaN(dx)) {
            value = ((value * (period - 1)) + dx) / period;
        }
    }

    /** DX of the newest bar, or NaN where TA-Lib skips it (no range, or both DIs zero). */
    private double directionalIndex() {
        if (!movement.hasRange()) {
            return Double.NaN;
        }
        double minusDi = movement.minusDi();
        double plusDi = movement.plusDi();
        double sum = minusDi + plusDi;
        return TaLib.isZero(sum) ? Double.NaN : 100.0 * (Math.abs(minusDi - plusDi) / sum);
    }

    @Override
    public boolean hasValue() {
        return movement.barIndex() >= lookback();
    }

    @Override
    public double value(int output) {
        return value;
    }

    @Override
    public int lookback() {
        return 2 * period - 1;
    }

    @Override
    public void reset() {
        movement.reset();
        dxSum = 0;
        value = 0;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        movement.writeState(out);
        out.writeDouble(dxSum);
        out.writeDouble(value);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        movement.readState(in);
        dxSum = in.readDouble();
        value = in.readDouble();
    }
}
