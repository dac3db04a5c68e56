package io.daytrade.indicators.averages;

import io.daytrade.indicators.RingBuffer;
import io.daytrade.indicators.SingleInputIndicator;
import io.daytrade.indicators.TaLib;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Kaufman adaptive moving average, TA-Lib KAMA: an EMA whose factor moves between 2/(30+1) and 2/(2+1)
 * with the efficiency ratio |x[t] - x[t-n]| / sum |x[i] - x[i-1]|. TA-Lib's first value is at bar n,
 * starting from x[n-1]; the ratio is 1 when the path sum is zero or not above the net change.
 */
public final class Kama extends SingleInputIndicator {

    private static final double CONST_MAX = 2.0 / (30.0 + 1.0);
    private static final double CONST_DIFF = 2.0 / (2.0 + 1.0) - CONST_MAX;

    private final int period;
    /** x[t-n] .. x[t]. */
    private final RingBuffer window;
    private double sumRoc;
    private double trailingValue;
    private double value;

    public Kama(int period) {
        this.period = period;
        this.window = new RingBuffer(period + 1);
    }

    @Override
    public void update(double x) {
        long index = window.added();
        double previous = index > 0 ? window.ago(0) : 0.0;
        window.add(x);
        if (index == 0) {
            return;
        }
        if (index <= period) {
            sumRoc += Math.abs(previous - x);
            if (index < period) {
                return;
            }
            double oldest = window.ago(period);
            trailingValue = oldest;
            value = smooth(x, previous, x - oldest);
            return;
        }
        double trailing = window.ago(period);
        double periodRoc = x - trailing;
        sumRoc -= Math.abs(trailingValue - trailing);
        sumRoc += Math.abs(x - previous);
        trailingValue = trailing;
        value = smooth(x, value, periodRoc);
    }

    private double smooth(double x, double previousKama, double periodRoc) {
        double ratio;
        if (sumRoc <= periodRoc || TaLib.isZero(sumRoc)) {
            ratio = 1.0;
        } else {
            ratio = Math.abs(periodRoc / sumRoc);
        }
        double factor = (ratio * CONST_DIFF) + CONST_MAX;
        factor *= factor;
        return ((x - previousKama) * factor) + previousKama;
    }

    @Override
    public boolean hasValue() {
        return window.added() > period;
    }

    @Override
    public double value(int output) {
        return value;
    }

    @Override
    public int lookback() {
        return period;
    }

    @Override
    public void reset() {
        window.clear();
        sumRoc = 0;
        trailingValue = 0;
        value = 0;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        window.writeState(out);
        out.writeDouble(sumRoc);
        out.writeDouble(trailingValue);
        out.writeDouble(value);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        window.readState(in);
        sumRoc = in.readDouble();
        trailingValue = in.readDouble();
        value = in.readDouble();
    }
}
