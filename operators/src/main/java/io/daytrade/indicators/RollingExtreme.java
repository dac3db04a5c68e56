package io.daytrade.indicators;

/**
 * The highest (or lowest) of the last {@code period} values of a {@link RingBuffer}, and how many bars
 * ago it was, in amortized O(1): as in TA-Lib, the extreme's position is remembered and the window is
 * rescanned only when that position leaves it. On ties the newest value wins (TA-Lib's AROON rule; for
 * the value alone it makes no difference). Nothing to checkpoint: after a restore the first update rescans.
 */
public final class RollingExtreme {

    private final boolean highest;
    private final int period;
    private long extremeIndex = -1;
    private double extreme;

    private RollingExtreme(boolean highest, int period) {
        this.highest = highest;
        this.period = period;
    }

    public static RollingExtreme highest(int period) {
        return new RollingExtreme(true, period);
    }

    public static RollingExtreme lowest(int period) {
        return new RollingExtreme(false, period);
    }

    /** Call after each {@code window.add(x)}; the window must hold at least {@code period} values. */
    public void update(RingBuffer window) {
        long index = window.added() - 1;
        if (extremeIndex < index - period + 1) {
            rescan(window, index);
        } else if (highest ? window.newest() >= extreme : window.newest() <= extreme) {
            extreme = window.newest();
            extremeIndex = index;
        }
    }

    private void rescan(RingBuffer window, long index) {
        int size = Math.min(period, window.size());
        extremeIndex = index - (size - 1);
        extreme = window.ago(size - 1);
        for (int back = size - 2; back >= 0; back--) {
            double value = window.ago(back);
            if (highest ? value >= extreme : value <= extreme) {
                extreme = value;
                extremeIndex = index - back;
            }
        }
    }

    public double value() {
        return extreme;
    }

    /** Bars since the extreme, counted from the newest value of {@code window} (0: the newest). */
    public int ago(RingBuffer window) {
        return (int) (window.added() - 1 - extremeIndex);
    }

    /** Forgets the tracked position, e.g. after the window was restored or cleared. */
    public void invalidate() {
        extremeIndex = -1;
    }
}
