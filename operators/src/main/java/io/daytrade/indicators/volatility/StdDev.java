package io.daytrade.indicators.volatility;

import io.daytrade.indicators.RingBuffer;
import io.daytrade.indicators.SingleInputIndicator;
import io.daytrade.indicators.TaLib;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Population standard deviation times {@code deviations}, TA-Lib STDDEV. It uses TA-Lib's formula,
 * mean of squares minus square of mean from two running sums, so at high prices it carries the same
 * cancellation error as TA-Lib rather than a different one; a variance under 1e-8 gives 0.
 */
public final class StdDev extends SingleInputIndicator {

    private final int period;
    private final double deviations;
    private final RingBuffer window;
    private double sum;
    private double sumOfSquares;
    private double value;

    public StdDev(int period, double deviations) {
        this.period = period;
        this.deviations = deviations;
        this.window = new RingBuffer(period);
    }

    @Override
    public void update(double x) {
        window.add(x);
        sum += x;
        sumOfSquares += x * x;
        if (!window.isFull()) {
            return;
        }
        double mean = sum / period;
        double meanOfSquares = sumOfSquares / period;
        double leaving = window.oldest();
        sum -= leaving;
        sumOfSquares -= leaving * leaving;
        double variance = meanOfSquares - mean * mean;
        if (TaLib.isZeroOrNegative(variance)) {
            value = 0.0;
        } else {
            value = deviations == 1.0 ? Math.sqrt(variance) : Math.sqrt(variance) * deviations;
        }
    }

    @Override
    public boolean hasValue() {
        return window.isFull();
    }

    @Override
    public double value(int output) {
        return value;
    }

    @Override
    public int lookback() {
        return period - 1;
    }

    @Override
    public void reset() {
        window.clear();
        sum = 0;
        sumOfSquares = 0;
        value = 0;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        window.writeState(out);
        out.writeDouble(sum);
        out.writeDouble(sumOfSquares);
        out.writeDouble(value);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        window.readState(in);
        sum = in.readDouble();
        sumOfSquares = in.readDouble();
        value = in.readDouble();
    }
}
