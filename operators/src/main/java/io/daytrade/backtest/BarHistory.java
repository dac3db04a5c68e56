package io.daytrade.backtest;

import io.daytrade.indicators.Indicator;
import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.indicators.SingleInputIndicator;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * One symbol's bars in time order with the indicator values computed on them, column by column: the
 * input of many backtests at once. {@code decides[i]} is true when bar {@code i} is the last bar of its
 * time and the indicators produced a row for it, i.e. where the signal rules are evaluated. A Flink
 * POJO (public fields, primitive arrays), though nothing here depends on Flink.
 */
public class BarHistory {

    public String symbol;
    public long[] times;
    public double[] open;
    public double[] high;
    public double[] low;
    public double[] close;
    public double[] volume;
    public boolean[] decides;
    /** The indicator columns, e.g. {@code sma_20}, {@code bbands_20_2_upper}. */
    public String[] columns;
    /** Column {@code c} at bar {@code i} is {@code values[c * times.length + i]}; NaN while warming up. */
    public double[] values;

    public BarHistory() {}

    /**
     * A history computed from one symbol's bars in time order, with the same indicator code the live
     * job's operator runs and the same rule for a repeated bar time: such a bar is not fed to the
     * indicators (the operator sends it to the dead letters) but still trades, as in a backtest, and
     * the rules are evaluated once per time, after its last bar.
     *
     * @param repeated told the index of each bar whose time repeats the one before it
     * @throws IllegalArgumentException if the bars go back in time
     */
    public static BarHistory compute(String symbol, long[] times, double[] open, double[] high, double[] low,
            double[] close, double[] volume, List<IndicatorSpec> specs, IntConsumer repeated) {
        return compute(symbol, times.clone(), open.clone(), high.clone(), low.clone(), close.clone(), volume.clone(),
                specs, repeated, null);
    }

    /**
     * As {@link #compute(String, long[], double[], double[], double[], double[], double[], List, IntConsumer)},
     * keeping the arrays it is given rather than copies of them: for a caller that made them for this
     * history and never touches them again (a sweep gathers every symbol's bars and would otherwise hold
     * them twice while it hands them over).
     */
    public static BarHistory computeKeeping(String symbol, long[] times, double[] open, double[] high,
            double[] low, double[] close, double[] volume, List<IndicatorSpec> specs, IntConsumer repeated) {
        return compute(symbol, times, open, high, low, close, volume, specs, repeated, null);
    }

    /** Keeps the bar arrays it is given: the callers above copy them first, or own them. */
    private static BarHistory compute(String symbol, long[] times, double[] open, double[] high, double[] low,
            double[] close, double[] volume, List<IndicatorSpec> specs, IntConsumer repeated, double[] reusable) {
        int n = times.length;
        BarHistory history = new BarHistory();
        history.symbol = symbol;
        history.times = times;
        history.open = open;
        history.high = high;
        history.low = low;
        history.close = close;
        history.volume = volume;
        history.decides = new boolean[n];
        boolean[] repeats = new boolean[n];
        boolean anyRepeats = false;
        for (int i = 0; i < n; i++) {
            if (i > 0 && times[i] < times[i - 1]) {
                throw new IllegalArgumentException(symbol + ": bar " + i + " is before the one before it");
            }
            if (i > 0 && times[i] == times[i - 1]) {
                repeats[i] = true;
                anyRepeats = true;
                repeated.accept(i);
                history.decides[i - 1] = false;
            }
            history.decides[i] = true;
        }
        history.columns = specs.stream().flatMap(spec -> spec.columns().stream()).toArray(String[]::new);
        int size = history.columns.length * n;
        history.values = reusable != null && reusable.length >= size ? reusable : new double[size];
        // One indicator at a time over all the bars, each writing its own columns in order: the same
        // values as updating them all bar by bar, without scattering every bar's row over every column.
        int column = 0;
        for (IndicatorSpec spec : specs) {
            Indicator indicator = spec.create();
            if (!anyRepeats && indicator.outputs() == 1 && indicator instanceof SingleInputIndicator single) {
                // A column of the closes in one call (an SMA's without a call per bar): the same values.
                single.fillColumn(close, n, history.values, column * n);
                column++;
                continue;
            }
            double[] row = new double[indicator.outputs()];
            for (int i = 0; i < n; i++) {
                if (!repeats[i]) { // a repeated time keeps the values of the bar before it
                    indicator.update(open[i], high[i], low[i], close[i], volume[i], times[i]);
                    indicator.writeValues(row, 0);
                }
                for (int o = 0; o < row.length; o++) {
                    history.values[(column + o) * n + i] = row[o];
                }
            }
            column += row.length;
        }
        return history;
    }

    /** As {@link #compute(String, long[], double[], double[], double[], double[], double[], List, IntConsumer)} for bars that never repeat a time. */
    public static BarHistory compute(String symbol, long[] times, double[] open, double[] high, double[] low,
            double[] close, double[] volume, List<IndicatorSpec> specs) {
        return compute(symbol, times, open, high, low, close, volume, specs, i -> {
            throw new IllegalArgumentException(symbol + ": bar " + i + " repeats the time of the one before it");
        });
    }

    /**
     * The same bars with the indicator columns of {@code specs} instead of these (computed as {@link
     * #compute} does; its repeated bar times were reported when this history was computed). A sweep
     * ships each task a history without columns, a megabyte instead of the tens of every column, and
     * the task computes the few columns its parameter sets read.
     */
    public BarHistory withIndicators(List<IndicatorSpec> specs) {
        return withIndicators(specs, null);
    }

    /**
     * As {@link #withIndicators(List)}, writing the columns into {@code reusable} when it is large
     * enough (its {@link #values} is then that array, possibly longer than the columns need). The
     * columns of a sweep task's symbol are tens of megabytes, one array: a new one per task, living
     * while the task's parameter sets run, was copied by each young collection it lived through.
     * The caller must be done with any history that {@code reusable} was given to before. The bars
     * themselves are this history's arrays, not copies: neither history changes them (a sweep task
     * took a megabyte of copies per symbol for nothing).
     */
    public BarHistory withIndicators(List<IndicatorSpec> specs, double[] reusable) {
        return compute(symbol, times, open, high, low, close, volume, specs, i -> { }, reusable);
    }

    public int bars() {
        return times.length;
    }

    /** The index of {@code column}, or -1. */
    public int column(String column) {
        return Arrays.asList(columns).indexOf(column);
    }

    /** The index of the first bar at or after {@code time}; {@link #bars()} if there is none. */
    public int firstAtOrAfter(long time) {
        int index = Arrays.binarySearch(times, time);
        if (index < 0) {
            return -index - 1;
        }
        while (index > 0 && times[index - 1] == time) {
            index--;
        }
        return index;
    }

    public double value(int column, int bar) {
        return values[column * times.length + bar];
    }
}
