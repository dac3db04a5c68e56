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

    /**
     * Feeds {@code series[0..n)} and writes the first output after each value into {@code out[at..at+n)}
     * (NaN before the first value): what {@code n} calls of {@link #update(double)} and
     * {@link #writeValues} would leave, in one call. A backtest history's column is made this way; an
     * indicator may override it with a loop that makes the same bits without a call per value.
     */
    public void fillColumn(double[] series, int n, double[] out, int at) {
        for (int i = 0; i < n; i++) {
            update(series[i]);
            out[at + i] = hasValue() ? value(0) : Double.NaN;
        }
    }
}
