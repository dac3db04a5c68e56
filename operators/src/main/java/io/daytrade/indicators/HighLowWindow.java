package io.daytrade.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The last {@code capacity} bars' highs and lows, with the window's highest high and lowest low in constant
 * work per bar and no branch on the data (van Herk and Gil-Werman's blocks): the window ending at block
 * position {@code j} is the suffix of the previous block from {@code j + 1} joined to the prefix of the
 * current block up to {@code j}. The suffix extremes of a block are computed once, when the next block
 * starts, from the arrays themselves: at that moment their other slots still hold that block.
 *
 * <p>Why one class for both series instead of an extreme tracker per {@link RingBuffer}: the stochastic and
 * Williams %R ran a third slower with two buffers, two trackers reading them through accessors, and a
 * highest-or-lowest flag tested on every comparison; here one slot counter serves both arrays, one loop
 * makes both suffixes, and the comparisons are written out for each side. Where the extreme's position is
 * needed (Aroon), use {@link RollingExtreme}.
 *
 * <p>Slot {@code i % capacity} holds the i-th bar, as in {@link RingBuffer}, and the state is written as two
 * ring buffers (highs, then lows), so indicator states written before this class existed still read. The
 * extremes are the same whichever of equal values wins, so they match any definition of the extreme.
 */
public final class HighLowWindow {

    private final int capacity;
    private final double[] highs;
    private final double[] lows;
    /** highSuffix[s]: the highest of the previous block's slots s to capacity - 1; highSuffix[capacity] is neutral. */
    private final double[] highSuffix;
    private final double[] lowSuffix;
    private double highPrefix;
    private double lowPrefix;
    /** The newest bar's slot; -1 before the first bar. */
    private int slot = -1;
    private long added;

    public HighLowWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.highs = new double[capacity];
        this.lows = new double[capacity];
        this.highSuffix = new double[capacity + 1];
        this.lowSuffix = new double[capacity + 1];
        highSuffix[capacity] = Double.NEGATIVE_INFINITY;
        lowSuffix[capacity] = Double.POSITIVE_INFINITY;
    }

    public void add(double high, double low) {
        int s = slot + 1;
        if (s == capacity) {
            s = 0;
        }
        slot = s;
        highs[s] = high;
        lows[s] = low;
        added++;
        if (s == 0) {
            suffixesFrom(1);
            highPrefix = high;
            lowPrefix = low;
        } else {
            // Not Math.max/min: their care for NaN and -0.0 costs a blend per call, and validated prices have neither.
            highPrefix = highPrefix >= high ? highPrefix : high;
            lowPrefix = lowPrefix <= low ? lowPrefix : low;
        }
    }

    /** The highest high of the window; the window must be full. */
    public double highest() {
        double suffix = highSuffix[slot + 1];
        return suffix >= highPrefix ? suffix : highPrefix;
    }

    /** The lowest low of the window; the window must be full. */
    public double lowest() {
        double suffix = lowSuffix[slot + 1];
        return suffix <= lowPrefix ? suffix : lowPrefix;
    }

    public boolean isFull() {
        return added >= capacity;
    }

    public void clear() {
        Arrays.fill(highs, 0.0);
        Arrays.fill(lows, 0.0);
        slot = -1;
        added = 0;
    }

    /** As two {@link RingBuffer#writeState}s, the highs' then the lows'. */
    public void writeState(DataOutput out) throws IOException {
        RingBuffer.writeSlots(out, highs, added);
        RingBuffer.writeSlots(out, lows, added);
    }

    public void readState(DataInput in) throws IOException {
        clear();
        long restoredAdded = RingBuffer.readSlots(in, highs);
        long lowsAdded = RingBuffer.readSlots(in, lows);
        if (lowsAdded != restoredAdded) {
            throw new IOException("highs and lows of different lengths: " + restoredAdded + " and " + lowsAdded);
        }
        added = restoredAdded;
        slot = restoredAdded == 0 ? -1 : (int) ((restoredAdded - 1) % capacity);
        rebuildBlocks();
    }

    /** The previous block's suffix extremes from slot {@code from} on: the slots the current block has not reached. */
    private void suffixesFrom(int from) {
        double high = Double.NEGATIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        for (int s = capacity - 1; s >= from; s--) {
            double h = highs[s];
            high = high >= h ? high : h;
            highSuffix[s] = high;
            double l = lows[s];
            low = low <= l ? low : l;
            lowSuffix[s] = low;
        }
    }

    private void rebuildBlocks() {
        if (slot < 0) {
            return;
        }
        suffixesFrom(slot + 1);
        highPrefix = highs[0];
        lowPrefix = lows[0];
        for (int s = 1; s <= slot; s++) {
            highPrefix = highPrefix >= highs[s] ? highPrefix : highs[s];
            lowPrefix = lowPrefix <= lows[s] ? lowPrefix : lows[s];
        }
    }
}
