package io.daytrade.indicators.momentum;

/** Plus directional indicator, TA-Lib PLUS_DI: 100 * smoothed +DM / smoothed true range; 0 when the range is 0. */
public final class PlusDi extends DirectionalIndicator {

    public PlusDi(int period) {
        super(period);
    }

    @Override
    double di(DirectionalMovement movement) {
        return movement.plusDi();
    }
}
