package io.daytrade.indicators.volume;

import io.daytrade.indicators.Indicator;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Volume-weighted average price, cumulative over the UTC day of each bar's start time, from the bars'
 * typical price (high+low+close)/3. Not a TA-Lib function. Until the day has traded any volume the
 * value is the bar's typical price, so the column is never empty.
 */
public final class Vwap implements Indicator {

    private static final long DAY_MILLIS = 86_400_000L;

    private long count;
    private long day;
    private double priceVolume;
    private double volume;
    private double lastTypical;

    @Override
    public void update(double open, double high, double low, double close, double volume, long barTime) {
        long barDay = Math.floorDiv(barTime, DAY_MILLIS);
        if (count == 0 || barDay != day) {
            day = barDay;
            priceVolume = 0;
            this.volume = 0;
        }
        count++;
        lastTypical = (high + low + close) / 3;
        priceVolume += lastTypical * volume;
        this.volume += volume;
    }

    @Override
    public boolean hasValue() {
        return count > 0;
    }

    @Override
    public double value(int output) {
        return volume > 0 ? priceVolume / volume : lastTypical;
    }

    @Override
    public int lookback() {
        return 0;
    }

    @Override
    public void reset() {
        count = 0;
        day = 0;
        priceVolume = 0;
        volume = 0;
        lastTypical = 0;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeLong(count);
        out.writeLong(day);
        out.writeDouble(priceVolume);
        out.writeDouble(volume);
        out.writeDouble(lastTypical);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        count = in.readLong();
        day = in.readLong();
        priceVolume = in.readDouble();
        volume = in.readDouble();
        lastTypical = in.readDouble();
    }
}
