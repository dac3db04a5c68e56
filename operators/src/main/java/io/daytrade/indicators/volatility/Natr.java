package io.daytrade.indicators.volatility;

import io.daytrade.indicators.Indicator;
import io.daytrade.indicators.TaLib;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Normalized average true range, TA-Lib NATR: ATR / close * 100; 0 when the close is 0. */
public final class Natr implements Indicator {

    private final Atr atr;
    private double close;

    public Natr(int period) {
        this.atr = new Atr(period);
    }

    @Override
    public void update(double open, double high, double low, double close, double volume, long barTime) {
        atr.update(open, high, low, close, volume, barTime);
        this.close = close;
    }

    @Override
    public boolean hasValue() {
        return atr.hasValue();
    }

    @Override
    public double value(int output) {
        return TaLib.isZero(close) ? 0.0 : (atr.value() / close) * 100.0;
    }

    @Override
    public int lookback() {
        return atr.lookback();
    }

    @Override
    public void reset() {
        atr.reset();
        close = 0;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        atr.writeState(out);
        out.writeDouble(close);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        atr.readState(in);
        close = in.readDouble();
    }
}
