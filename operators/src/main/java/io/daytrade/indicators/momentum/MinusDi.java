package io.daytrade.indicators.momentum;

/** Minus directional indicator, TA-Lib MINUS_DI: 100 * smoothed -DM / smoothed true range; 0 when the range is 0. */
public final class MinusDi extends DirectionalIndicator {

    public MinusDi(int period) {
        super(period);
    }

    @Override
    double di(DirectionalMovement movement) {
        return movement.minusDi();
    }
}
