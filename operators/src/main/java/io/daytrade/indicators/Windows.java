package io.daytrade.indicators;

/** Scans over a full {@link RingBuffer}: O(window), which is what TA-Lib's own scans cost at worst. */
public final class Windows {

    private Windows() {}

    public static double max(RingBuffer window) {
        double max = window.slot(0);
        for (int slot = 1; slot < window.capacity(); slot++) {
            max = Math.max(max, window.slot(slot));
        }
        return max;
    }

    public static double min(RingBuffer window) {
        double min = window.slot(0);
        for (int slot = 1; slot < window.capacity(); slot++) {
            min = Math.min(min, window.slot(slot));
        }
        return min;
    }

    /** How many bars ago the highest value was; on a tie the newest wins, as in TA-Lib's AROON. */
    public static int agoOfMax(RingBuffer window) {
        int best = window.size() - 1;
        for (int back = best - 1; back >= 0; back--) {
            if (window.ago(back) >= window.ago(best)) {
                best = back;
            }
        }
        return best;
    }

    /** How many bars ago the lowest value was; on a tie the newest wins. */
    public static int agoOfMin(RingBuffer window) {
        int best = window.size() - 1;
        for (int back = best - 1; back >= 0; back--) {
            if (window.ago(back) <= window.ago(best)) {
                best = back;
            }
        }
        return best;
    }
}
