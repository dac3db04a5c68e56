package io.daytrade.indicators.momentum;

import io.daytrade.indicators.HighLowWindow;
import io.daytrade.indicators.Indicator;
import io.daytrade.indicators.averages.Sma;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Stochastic oscillator, TA-Lib STOCH with simple moving averages (its default). Fast %K over
 * {@code fastK} bars, slowed by an SMA of {@code slowK} (output 0, %K) and smoothed again by an SMA of
 * {@code slowD} (output 1, %D). A flat window (highest = lowest) gives a fast %K of 0.
 */
public final class Stoch implements Indicator {

    private final int fastKPeriod;
    private final int slowKPeriod;
    private final int slowDPeriod;
    private final HighLowWindow window;
    private final Sma slowK;
    private final Sma slowD;

    public Stoch(int fastKPeriod, int slowKPeriod, int slowDPeriod) {
        this.fastKPeriod = fastKPeriod;
        this.slowKPeriod = slowKPeriod;
        this.slowDPeriod = slowDPeriod;
        this.window = new HighLowWindow(fastKPeriod);
        this.slowK = new Sma(slowKPeriod);
        this.slowD = new Sma(slowDPeriod);
    }

    @Override
    public void update(double open, double high, double low, double close, double volume, long barTime) {
        window.add(high, low);
        if (!window.isFull()) {
            return;
        }
        double lowestLow = window.lowest();
        double diff = (window.highest() - lowestLow) / 100.0;
        double fastK = diff != 0.0 ? (close - lowestLow) / diff : 0.0;
        slowK.update(fastK);
        if (slowK.hasValue()) {
            slowD.update(slowK.value());
        }
    }

    @Override
    public boolean hasValue() {
        return slowD.hasValue();
    }

    @Override
    public int outputs() {
        return 2;
    }

    @Override
    public double value(int output) {
        switch (output) {
            case 0:
                return slowK.value();
            case 1:
                return slowD.value();
            default:
                throw new IndexOutOfBoundsException("STOCH has 2 outputs: " + output);
        }
    }

    @Override
    public int lookback() {
        return (fastKPeriod - 1) + (slowKPeriod - 1) + (slowDPeriod - 1);
    }

    @Override
    public void reset() {
        window.clear();
        slowK.reset();
        slowD.reset();
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        window.writeState(out);
        slowK.writeState(out);
        slowD.writeState(out);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        window.readState(in);
        slowK.readState(in);
        slowD.readState(in);
    }
}
