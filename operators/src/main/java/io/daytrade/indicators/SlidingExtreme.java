package io.daytrade.indicators;

/**
 * The highest (or lowest) of the last {@code capacity} values of a {@link RingBuffer}, its value only, in
 * constant work per value with no branch on the data (van Herk and Gil-Werman's blocks): the window ending
 * at block position {@code j} is the suffix of the previous block from {@code j + 1} joined to the prefix
 * of the current block up to {@code j}. The suffix extremes of a block are computed once, when the next
 * block starts, from the ring buffer itself: at that moment its other slots still hold that block.
 *
 * <p>{@link RollingExtreme} rescans its window whenever the extreme leaves it, and whether it leaves is
 * the data's to decide: on prices the branch mispredicts often enough that the stochastic, which tracks
 * two extremes, ran at half TA-Lib's speed. Use that one where the extreme's position is needed (Aroon).
 *
 * <p>The value is the same whichever of equal values wins, so it matches any definition of the extreme.
 * Nothing to checkpoint: {@link #invalidate} after the ring buffer was restored, and the next update
 * rebuilds the blocks from it.
 */
public final class SlidingExtreme {

    private final boolean highest;
    /** suffix[s]: the extreme of the previous block's slots s to capacity - 1; suffix[capacity] is neutral. */
    private final double[] suffix;
    private double prefix;
    /** The newest value's slot, as of the last update. */
    private int slot;
    private boolean valid;

    private SlidingExtreme(boolean highest, int capacity) {
        this.highest = highest;
        this.suffix = new double[capacity + 1];
        this.suffix[capacity] = neutral();
    }

    public static SlidingExtreme highest(int capacity) {
        return new SlidingExtreme(true, capacity);
    }

    public static SlidingExtreme lowest(int capacity) {
        return new SlidingExtreme(false, capacity);
    }

    /**
     * Call after each {@code window.add(x)} (a buffer of this capacity); the value is the extreme of the
     * values the buffer holds once it is full.
     */
    public void update(RingBuffer window) {
        int slot = window.newestSlot();
        this.slot = slot;
        if (!valid) {
            rebuild(window, slot);
            return;
        }
        double x = window.slot(slot);
        if (slot == 0) {
            suffixes(window, 1);
            prefix = x;
        } else {
            prefix = extreme(prefix, x);
        }
    }

    /** The extreme of the window as of the last update, once the buffer is full. */
    public double value() {
        return extreme(suffix[slot + 1], prefix);
    }

    /** Forgets the blocks, e.g. after the window was restored or cleared. */
    public void invalidate() {
        valid = false;
    }

    private void rebuild(RingBuffer window, int slot) {
        suffixes(window, slot + 1);
        prefix = window.slot(0);
        for (int s = 1; s <= slot; s++) {
            prefix = extreme(prefix, window.slot(s));
        }
        valid = true;
    }

    /** The previous block's suffix extremes from slot {@code from} on: the slots the current block has not reached. */
    private void suffixes(RingBuffer window, int from) {
        double running = neutral();
        for (int s = suffix.length - 2; s >= from; s--) {
            running = extreme(running, window.slot(s));
            suffix[s] = running;
        }
    }

    private double extreme(double a, double b) {
        // Not Math.max/min: their care for NaN and -0.0 costs a blend per call, and validated prices have neither.
        return highest ? (a >= b ? a : b) : (a <= b ? a : b);
    }

    private double neutral() {
        return highest ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
}
