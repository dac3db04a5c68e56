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
    private int size;

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
    }

    /** Notes that rule {@code rule} of {@code ruleCount} fired at bar {@code bar}; any order. */
    void add(int bar, int rule, int ruleCount) {
        if (size == encoded.length) {
            encoded = Arrays.copyOf(encoded, size * 2);
        }
        encoded[size++] = (long) bar * ruleCount + rule;
    }

    /** Puts the firings in bar order and keeps, at each bar, the last rule in rule order. */
    void settle(int ruleCount) {
        Arrays.sort(encoded, 0, size);
        if (bars.length < size) {
            bars = new int[encoded.length];
            rules = new int[encoded.length];
        }
        int kept = 0;
        for (int k = 0; k < size; k++) {
            int bar = (int) (encoded[k] / ruleCount);
            int rule = (int) (encoded[k] % ruleCount);
            if (kept > 0 && bars[kept - 1] == bar) {
                rules[kept - 1] = rule; // sorted, so a later rule of the same bar comes after
            } else {
                bars[kept] = bar;
                rules[kept++] = rule;
            }
        }
        size = kept;
    }
}
