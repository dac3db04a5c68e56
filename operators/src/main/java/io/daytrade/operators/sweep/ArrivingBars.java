package io.daytrade.operators.sweep;

import io.daytrade.backtest.BarHistory;
import io.daytrade.indicators.IndicatorSpec;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * One symbol's bars in the order they arrive, kept as columns of primitives (48 bytes a bar) until the
 * input ends and its {@link BarHistory} is built. It tells at once whether a bar repeats the time of
 * an earlier one, so that the bar can go to the dead letters while it is at hand.
 */
final class ArrivingBars {

    private long[] times = new long[256];
    private double[] open = new double[256];
    private double[] high = new double[256];
    private double[] low = new double[256];
    private double[] close = new double[256];
    private double[] volume = new double[256];
    private int size;
    /** Null while the bars come in time order; then every time seen, to find repeats out of order. */
    private Set<Long> seen;

    /**
     * Adds a bar; a bar whose time repeats an earlier one's is added too (it trades, but the rules are
     * evaluated once per time, after the last bar of that time).
     *
     * @return false if the bar repeats the time of a bar before it
     */
    boolean add(long time, double o, double h, double l, double c, double v) {
        if (size == times.length) {
            grow();
        }
        boolean repeats;
        if (seen == null && (size == 0 || time > times[size - 1])) {
            repeats = false;
        } else if (seen == null && time == times[size - 1]) {
            repeats = true;
        } else {
            if (seen == null) { // the first bar out of time order: every time so far, in a set
                seen = new HashSet<>();
                for (int i = 0; i < size; i++) {
                    seen.add(times[i]);
                }
            }
            repeats = !seen.add(time);
        }
        times[size] = time;
        open[size] = o;
        high[size] = h;
        low[size] = l;
        close[size] = c;
        volume[size] = v;
        size++;
        return !repeats;
    }

    /**
     * The symbol's history in time order (bars of the same time in the order they came), with the
     * columns of {@code specs}. Repeated times were reported by {@link #add}.
     */
    BarHistory history(String symbol, List<IndicatorSpec> specs) {
        if (seen == null) {
            return BarHistory.compute(symbol, Arrays.copyOf(times, size), Arrays.copyOf(open, size),
                    Arrays.copyOf(high, size), Arrays.copyOf(low, size), Arrays.copyOf(close, size),
                    Arrays.copyOf(volume, size), specs, i -> { });
        }
        // Stable: ties keep their arrival order.
        int[] order = IntStream.range(0, size).boxed().sorted(Comparator.comparingLong(i -> times[i]))
                .mapToInt(Integer::intValue).toArray();
        return BarHistory.compute(symbol, pick(times, order), pick(open, order), pick(high, order), pick(low, order),
                pick(close, order), pick(volume, order), specs, i -> { });
    }

    private void grow() {
        int capacity = size * 2;
        times = Arrays.copyOf(times, capacity);
        open = Arrays.copyOf(open, capacity);
        high = Arrays.copyOf(high, capacity);
        low = Arrays.copyOf(low, capacity);
        close = Arrays.copyOf(close, capacity);
        volume = Arrays.copyOf(volume, capacity);
    }

    private static long[] pick(long[] values, int[] order) {
        long[] picked = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            picked[i] = values[order[i]];
        }
        return picked;
    }

    private static double[] pick(double[] values, int[] order) {
        double[] picked = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            picked[i] = values[order[i]];
        }
        return picked;
    }
}
