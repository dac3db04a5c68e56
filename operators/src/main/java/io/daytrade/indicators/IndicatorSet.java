package io.daytrade.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The configured indicators of one symbol, updated together bar by bar: one row of output columns per
 * bar, NaN where an indicator is still in its lookback. This is the unit the Flink operator keeps in
 * keyed state, so its whole state is one compact byte stream.
 */
public final class IndicatorSet {

    private final List<IndicatorSpec> specs;
    private final Indicator[] indicators;
    private final IndicatorCalls calls;
    private final List<String> columns;

    public IndicatorSet(List<IndicatorSpec> specs) {
        this.specs = List.copyOf(specs);
        this.indicators = new Indicator[specs.size()];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < indicators.length; i++) {
            indicators[i] = specs.get(i).create();
            names.addAll(specs.get(i).columns());
        }
        this.columns = Collections.unmodifiableList(names);
        this.calls = new IndicatorCalls(indicators);
    }

    public List<IndicatorSpec> specs() {
        return specs;
    }

    /** Output column names, in configuration order. */
    public List<String> columns() {
        return columns;
    }

    public void update(double open, double high, double low, double close, double volume, long barTime) {
        calls.update(open, high, low, close, volume, barTime);
    }

    /** Writes the current values into {@code row} (length {@code columns().size()}), NaN for "no value yet". */
    public void values(double[] row) {
        calls.writeValues(row);
    }

    /** Writes the state of the indicator at {@code index} in {@link #specs()}. */
    public void writeState(int index, DataOutput out) throws IOException {
        indicators[index].writeState(out);
    }

    /** Restores the state of the indicator at {@code index}, written by {@link #writeState(int, DataOutput)}. */
    public void readState(int index, DataInput in) throws IOException {
        indicators[index].readState(in);
    }
}
