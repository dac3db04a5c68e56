package io.daytrade.indicators.momentum;

import io.daytrade.indicators.TaLib;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Wilder's smoothed +DM, -DM and true range, as TA-Lib's ADX, PLUS_DI and MINUS_DI compute them: the
 * first n-1 moves are summed, and from bar n on each sum is smoothed with {@code s - s/n + move}.
 * Not an indicator by itself; {@link PlusDi}, {@link MinusDi} and {@link Adx} read it.
 */
final class DirectionalMovement {

    private final int period;
    private long count;
    private double previousHigh;
    private double previousLow;
    private double previousClose;
    private double plusDm;
    private double minusDm;
    private double trueRange;

    DirectionalMovement(int period) {
        this.period = period;
    }

    void update(double high, double low, double close) {
        count++;
        if (count == 1) {
            previousHigh = high;
            previousLow = low;
            previousClose = close;
            return;
        }
        double diffPlus = high - previousHigh;
        double diffMinus = previousLow - low;
        previousHigh = high;
        previousLow = low;
        double range = TaLib.trueRange(high, low, previousClose);
        previousClose = close;
        if (isSmoothing()) {
            minusDm -= minusDm / period;
            plusDm -= plusDm / period;
            trueRange = trueRange - (trueRange / period) + range;
        } else {
            trueRange += range;
        }
        if (diffMinus > 0 && diffPlus < diffMinus) {
            minusDm += diffMinus;
        } else if (diffPlus > 0 && diffPlus > diffMinus) {
            plusDm += diffPlus;
        }
    }

    /** Index of the newest bar (0 for the first). */
    long barIndex() {
        return count - 1;
    }

    /** True from bar n on: the sums have become smoothed averages and the DIs are defined. */
    boolean isSmoothing() {
        return count - 1 >= period;
    }

    boolean hasRange() {
        return !TaLib.isZero(trueRange);
    }

    double plusDi() {
        return 100.0 * (plusDm / trueRange);
    }

    double minusDi() {
        return 100.0 * (minusDm / trueRange);
    }

    void reset() {
        count = 0;
        previousHigh = 0;
        previousLow = 0;
        previousClose = 0;
        plusDm = 0;
        minusDm = 0;
        trueRange = 0;
    }

    void writeState(DataOutput out) throws IOException {
        out.writeLong(count);
        out.writeDouble(previousHigh);
        out.writeDouble(previousLow);
        out.writeDouble(previousClose);
        out.writeDouble(plusDm);
        out.writeDouble(minusDm);
        out.writeDouble(trueRange);
    }

    void readState(DataInput in) throws IOException {
        count = in.readLong();
        previousHigh = in.readDouble();
        previousLow = in.readDouble();
        previousClose = in.readDouble();
        plusDm = in.readDouble();
        minusDm = in.readDouble();
        trueRange = in.readDouble();
    }
}
