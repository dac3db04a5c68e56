package io.daytrade.indicators.momentum;

import io.daytrade.indicators.HighLowWindow;
import io.daytrade.indicators.Indicator;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Williams %R, TA-Lib WILLR: (highest - close) / (highest - lowest) * -100 over n bars; 0 when flat. */
public final class WillR implements Indicator {

    private final int period;
    private final HighLowWindow window;
    private double value;

    public WillR(int period) {
        this.period = period;
        this.window = new HighLowWindow(period);
    }

    @Override
    public void update(double open, double high, double low, double close, double volume, long barTime) {
        window.add(high, low);
        if (!window.isFull()) {
            return;
        }
        double highestHigh = window.highest();
        double diff = (highestHigh - window.lowest()) / (-100.0);
        value = diff != 0.0 ? (highestHigh - close) / diff : 0.0;
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
        value = 0;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        window.writeState(out);
        out.writeDouble(value);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        window.readState(in);
        value = in.readDouble();
    }
}
