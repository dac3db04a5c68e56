package io.daytrade.indicators.volatility;

import io.daytrade.indicators.RingBuffer;
import io.daytrade.indicators.SingleInputIndicator;
import io.daytrade.indicators.TaLib;
import io.daytrade.indicators.averages.Sma;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Bollinger Bands, TA-Lib BBANDS with an SMA middle band: outputs 0 upper, 1 middle, 2 lower, at
 * middle +/- k population standard deviations. The deviation comes from TA-Lib's running sum of
 * squares against the SMA; a variance under 1e-8 counts as 0 there, and so it does here.
 */
public final class BollingerBands extends SingleInputIndicator {

    private final int period;
    private final double deviations;
    private final Sma middle;
    private final RingBuffer window;
    private double sumOfSquares;
    private double deviation;

    public BollingerBands(int period, double deviations) {
        this.period = period;
        this.deviations = deviations;
        this.middle = new Sma(period);
        this.window = new RingBuffer(period);
    }

    @Override
    public void update(double x) {
        middle.update(x);
        window.add(x);
        sumOfSquares += x * x;
        if (!window.isFull()) {
            return;
        }
        double meanOfSquares = sumOfSquares / period;
        double leaving = window.oldest();
        sumOfSquares -= leaving * leaving;
        double mean = middle.value();
        meanOfSquares -= mean * mean;
        deviation = TaLib.isZeroOrNegative(meanOfSquares) ? 0.0 : Math.sqrt(meanOfSquares);
    }

    @Override
    public boolean hasValue() {
        return window.isFull();
    }

    @Override
    public int outputs() {
        return 3;
    }

    @Override
    public double value(int output) {
        double width = deviations == 1.0 ? deviation : deviation * deviations;
        switch (output) {
            case 0:
                return middle.value() + width;
            case 1:
                return middle.value();
            case 2:
                return middle.value() - width;
            default:
                throw new IndexOutOfBoundsException("BBANDS has 3 outputs: " + output);
        }
    }

    @Override
    public int lookback() {
        return period - 1;
    }

    @Override
    public void reset() {
        middle.reset();
        window.clear();
        sumOfSquares = 0;
        deviation = 0;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        middle.writeState(out);
        window.writeState(out);
        out.writeDouble(sumOfSquares);
        out.writeDouble(deviation);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        middle.readState(in);
        window.readState(in);
        sumOfSquares = in.readDouble();
        deviation = in.readDouble();
    }
}
