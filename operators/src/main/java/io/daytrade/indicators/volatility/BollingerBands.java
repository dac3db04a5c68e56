package io.daytrade.indicators.volatility;

import io.daytrade.indicators.RingBuffer;
import io.daytrade.indicators.SingleInputIndicator;
import io.daytrade.indicators.TaLib;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Bollinger Bands, TA-Lib BBANDS with an SMA middle band: outputs 0 upper, 1 middle, 2 lower, at
 * middle +/- k population standard deviations. The deviation comes from TA-Lib's running sum of
 * squares against the SMA; a variance under 1e-8 counts as 0 there, and so it does here.
 *
 * <p>The middle band is TA-Lib's SMA computed here (the same running total, added to and subtracted
 * from in the same order as {@code Sma}) so that one window serves both sums; the state keeps the
 * format it had when the middle band was an {@code Sma} with a window of its own: the window twice.
 */
public final class BollingerBands extends SingleInputIndicator {

    private final int period;
    private final double deviations;
    private final RingBuffer window;
    private double periodTotal;
    private double middle;
    private double sumOfSquares;
    private double deviation;

    public BollingerBands(int period, double deviations) {
        this.period = period;
        this.deviations = deviations;
        this.window = new RingBuffer(period);
    }

    @Override
    public void update(double x) {
        window.add(x);
        periodTotal += x;
        sumOfSquares += x * x;
        if (!window.isFull()) {
            return;
        }
        double leaving = window.oldest();
        double mean = periodTotal / period;
        middle = mean;
        periodTotal -= leaving;
        double meanOfSquares = sumOfSquares / period;
        sumOfSquares -= leaving * leaving;
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
                return middle + width;
            case 1:
                return middle;
            case 2:
                return middle - width;
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
        window.clear();
        periodTotal = 0;
        middle = 0;
        sumOfSquares = 0;
        deviation = 0;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        window.writeState(out);
        out.writeDouble(periodTotal);
        out.writeDouble(middle);
        window.writeState(out);
        out.writeDouble(sumOfSquares);
        out.writeDouble(deviation);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        window.readState(in);
        periodTotal = in.readDouble();
        middle = in.readDouble();
        window.readState(in);
        sumOfSquares = in.readDouble();
        deviation = in.readDouble();
    }
}
