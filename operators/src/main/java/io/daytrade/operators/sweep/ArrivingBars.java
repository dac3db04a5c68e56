package io.daytrade.operators.sweep;

import io.daytrade.backtest.BarHistory;
import io.daytrade.indicators.IndicatorSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * One symbol's bars in the order they arrive, kept as columns of primitives (48 bytes a bar) until the
 * input ends and its {@link BarHistory} is built. It tells at once whether a bar repeats the time of
 * an earlier one, so that the bar can go to the dead letters while it is at hand.
 *
 * <p>The columns fill blocks of a fixed size and are copied once, into the history's own arrays: arrays
 * doubled as they filled allocated twice the bars and copied them all again at each doubling, which
 * made gathering the histories the largest allocator of a sweep.
 */
final class ArrivingBars {

    static final int BLOCK = 4096;

    private final List<long[]> times = new ArrayList<>();
    private final List<double[]> open = new ArrayList<>();
    private final List<double[]> high = new ArrayList<>();
    private final List<double[]> low = new ArrayList<>();
    private final List<double[]> close = new ArrayList<>();
    private final List<double[]> volume = new ArrayList<>();
    /** The last of each list, which the next bar goes into. */
    private long[] timeBlock;
    private double[] openBlock;
    private double[] highBlock;
    private double[] lowBlock;
    private double[] closeBlock;
    private double[] volumeBlock;
    private int size;
    private long lastTime;
    /** Null while the bars come in time order; then every time seen, to find repeats out of order. */
    private Set<Long> seen;

    /**
     * Adds a bar; a bar whose time repeats an earlier one's is added too (it trades, but the rules are
     * evaluated once per time, after the last bar of that time).
     *
     * @return false if the bar repeats the time of a bar before it
     */
    boolean add(long time, double o, double h, double l, double c, double v) {
        boolean repeats;
        if (seen == null && (size == 0 || time > lastTime)) {
            repeats = false;
        } else if (seen == null && time == lastTime) {
            repeats = true;
        } else {
            if (seen == null) { // the first bar out of time order: every time so far, in a set
                seen = timesSoFar();
            }
            repeats = !seen.add(time);
        }
        int at = size % BLOCK;
        if (at == 0) {
            startBlock();
        }
        timeBlock[at] = time;
        openBlock[at] = o;
        highBlock[at] = h;
        lowBlock[at] = l;
        closeBlock[at] = c;
        volumeBlock[at] = v;
        lastTime = time;
        size++;
        return !repeats;
    }

    /**
     * The symbol's history in time order (bars of the same time in the order they came), with the
     * columns of {@code specs}. Repeated times were reported by {@link #add}. Called once: the blocks
     * are let go as they are copied.
     */
    BarHistory history(String symbol, List<IndicatorSpec> specs) {
        long[] t = join(times, new long[size]);
        double[] o = join(open, new double[size]);
        double[] h = join(high, new double[size]);
        double[] l = join(low, new double[size]);
        double[] c = join(close, new double[size]);
        double[] v = join(volume, new double[size]);
        if (seen != null) {
            // Stable: ties keep their arrival order.
            int[] order = IntStream.range(0, size).boxed().sorted(Comparator.comparingLong(i -> t[i]))
                    .mapToInt(Integer::intValue).toArray();
            return BarHistory.computeKeeping(symbol, pick(t, order), pick(o, order), pick(h, order), pick(l, order),
                    pick(c, order), pick(v, order), specs, i -> { });
        }
        return BarHistory.computeKeeping(symbol, t, o, h, l, c, v, specs, i -> { });
    }

    private void startBlock() {
        times.add(timeBlock = new long[BLOCK]);
        open.add(openBlock = new double[BLOCK]);
        high.add(highBlock = new double[BLOCK]);
        low.add(lowBlock = new double[BLOCK]);
        close.add(closeBlock = new double[BLOCK]);
        volume.add(volumeBlock = new double[BLOCK]);
    }

    private Set<Long> timesSoFar() {
        Set<Long> all = new HashSet<>();
        for (int i = 0; i < size; i++) {
            all.add(times.get(i / BLOCK)[i % BLOCK]);
        }
        return all;
    }

    /** The first {@code size} values of the blocks, in order, copied into {@code joined}; the blocks are let go. */
    private <A> A join(List<A> blocks, A joined) {
        for (int b = 0; b < blocks.size(); b++) {
            System.arraycopy(blocks.get(b), 0, joined, b * BLOCK, Math.min(BLOCK, size - b * BLOCK));
        }
        blocks.clear();
        return joined;
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
