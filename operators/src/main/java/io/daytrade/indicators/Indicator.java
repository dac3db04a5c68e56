package io.daytrade.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A technical indicator updated one bar at a time, matching TA-Lib's definition of the same name.
 *
 * <p>An indicator has no value until the bar at which TA-Lib gives its first one (its lookback);
 * from then on {@link #hasValue()} stays true. Implementations keep their state in primitive fields
 * and ring buffers, so that one update costs O(1) or O(window), and can write that state to, and
 * read it back from, a byte stream: that is how Flink checkpoints it.
 */
public interface Indicator {

    /** Feeds the next bar, in event-time order. */
    void update(double open, double high, double low, double close, double volume, long barTime);

    /** True once the indicator has produced its first value. */
    boolean hasValue();

    /** Number of outputs (1 for most; 3 for MACD and Bollinger Bands; 2 for Stochastic and Aroon). */
    default int outputs() {
        return 1;
    }

    /** The current value of one output; only meaningful while {@link #hasValue()} is true. */
    double value(int output);

    /**
     * Writes the current outputs into {@code row} from {@code offset} (NaN for each while there is no
     * value yet) and returns the offset after them.
     */
    default int writeValues(double[] row, int offset) {
        boolean ready = hasValue();
        int outputs = outputs();
        for (int output = 0; output < outputs; output++) {
            row[offset + output] = ready ? value(output) : Double.NaN;
        }
        return offset + outputs;
    }

    /** The current value of the first output. */
    default double value() {
        return value(0);
    }

    /** Number of bars TA-Lib consumes before its first value: the first value is at bar index lookback. */
    int lookback();

    /** Forgets every bar seen so far. */
    void reset();

    /** Writes the state needed to continue exactly where this indicator is now. */
    void writeState(DataOutput out) throws IOException;

    /** Restores what {@link #writeState} wrote, into an indicator built with the same parameters. */
    void readState(DataInput in) throws IOException;
}
