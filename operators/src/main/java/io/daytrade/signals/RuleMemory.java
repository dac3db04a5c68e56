package io.daytrade.signals;

import java.util.Arrays;

/**
 * What a rule set remembers between bars for one symbol: the previous values of every crossing's two
 * operands, and each rule's previous truth (to fire only when a condition becomes true). A Flink POJO.
 */
public class RuleMemory {

    public double[] crossing;
    /** Per rule: the ordinal of its {@link Truth} on the previous bar. */
    public byte[] previous;

    public RuleMemory() {}

    RuleMemory(int crossingSlots, int rules) {
        crossing = new double[crossingSlots];
        Arrays.fill(crossing, Double.NaN);
        previous = new byte[rules];
        Arrays.fill(previous, (byte) Truth.UNKNOWN.ordinal());
    }
}
