package io.daytrade.indicators;

/**
 * An indicator of one real series. Fed from bars it reads the close, as TA-Lib's single-input
 * functions are usually called; composite indicators feed it other series (an EMA of an EMA).
 */
public abstract class SingleInputIndicator implements Indicator {

    @Override
    public final void update(double open, double high, double low, double close, double volume, long barTime) {
        update(close);
    }

    /** Feeds the next value of the series. */
    public abstract void update(double value);
}
