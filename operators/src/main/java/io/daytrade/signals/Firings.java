package io.daytrade.signals;

import java.util.Arrays;

/**
 * The bars at which some rule fired over a history, in bar order, each with the last rule (in rule
 * order) that fired there: what {@link SignalRules#lastFired} says at every bar, kept only where it is
 * not -1. Signals are rare beside bars (a crossing every few dozen bars), so a backtest that walks from
 * one firing to the next touches far fewer bytes than one that reads a rule index per bar. Reused from
 * one backtest to the next; not for concurrent use.
 */
public final class Firings {

    private long[] encoded = new long[16];
    private int[] bars = new int[16];
    private int[] rules = new int[16];
    private long[] scratch = new long[16];
    private int size;
    /** The first {@code settled} encoded firings are in order. */
    private int settled;

    /** The number of bars at which a rule fired. */
    public int size() {
        return size;
    }

    /** The k-th such bar, counted among the evaluated bars. */
    public int bar(int k) {
        return bars[k];
    }

    /** The last rule that fired at {@link #bar(int) bar(k)}. */
    public int rule(int k) {
        return rules[k];
    }

    void clear() {
        size = 0;
        settled = 0;
    }

    /** Notes that rule {@code rule} of {@code ruleCount} fired at bar {@code bar}, in increasing bar order per rule. */
    void add(int bar, int rule, int ruleCount) {
        if (size == encoded.length) {
            encoded = Arrays.copyOf(encoded, size * 2);
        }
        encoded[size++] = (long) bar * ruleCount + rule;
    }

    /**
     * Merges the firings added since the last call (one rule's, in bar order) into those before: two
     * sorted runs merged in one pass, where sorting the lot cost a tenth of a sweep's backtest.
     */
    void endOfRule() {
        if (settled > 0 && size > settled) {
            if (scratch.length < size) {
                scratch = new long[encoded.length];
            }
            int a = 0;
            int b = settled;
            int out = 0;
            while (a < settled && b < size) {
                scratch[out++] = encoded[a] <= encoded[b] ? encoded[a++] : encoded[b++];
            }
            while (a < settled) {
                scratch[out++] = encoded[a++];
            }
            while (b < size) {
                scratch[out++] = encoded[b++];
            }
            long[] merged = scratch;
            scratch = encoded;
            encoded = merged;
        }
        settled = size;
    }

    /** Keeps, at each bar, the last rule in rule order (the encoding sorts them after the others). */
    void settle(int ruleCount) {
        if (bars.length < size) {
            bars = new int[encoded.length];
            rules = new int[encoded.length];
        }
        int kept = 0;
        for (int k = 0; k < size; k++) {
            int bar = (int) (encoded[k] / ruleCount);
            int rule = (int) (encoded[k] % ruleCount);
            if (kept > 0 && bars[kept - 1] == bar) {
                rules[kept - 1] = rule;
            } else {
                bars[kept] = bar;
                rules[kept++] = rule;
            }
        }
        size = kept;
    }
}
