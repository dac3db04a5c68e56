package io.daytrade.signals;

import java.util.Set;

/** A compiled rule condition, evaluated on one bar's row of values with the rule set's memory. */
interface Condition {

    /**
     * @param row the bar's values by column index; NaN where an indicator has no value yet
     * @param memory values from the previous bar, for crossings; updated by this call
     */
    Truth evaluate(double[] row, double[] memory);

    /**
     * The same truths {@link #evaluate} gives bar after bar from fresh memory, for the first
     * {@code count} evaluated bars of {@code columns} at once: {@code out[k]} is the ordinal of the
     * truth at the k-th.
     */
    void evaluateAll(BarColumns columns, int count, byte[] out);

    /**
     * Where it can without the truths of every bar: adds to {@code out}, as rule {@code rule} of
     * {@code ruleCount}, the bars among the first {@code count} evaluated ones where this condition fires
     * from fresh memory (true there, not true on the bar before), and returns true. Returns false, adding
     * nothing, where the caller must go through {@link #evaluateAll} instead.
     */
    default boolean addFirings(BarColumns columns, int count, int rule, int ruleCount, Firings out) {
        return false;
    }

    /** Columns the condition reads, to report with a signal. */
    void columns(Set<Integer> into);
}
