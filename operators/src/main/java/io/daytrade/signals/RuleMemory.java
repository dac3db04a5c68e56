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
    /**
     * The ids of the rules this memory is for, in order, so that a restore with a changed rule list knows
     * which memory still belongs to which rule. Null in state written before it existed.
     */
    public String[] rules;

    public RuleMemory() {}

    RuleMemory(int crossingSlots, String[] rules) {
        crossing = new double[crossingSlots];
        Arrays.fill(crossing, Double.NaN);
        previous = new byte[rules.length];
        Arrays.fill(previous, (byte) Truth.UNKNOWN.ordinal());
        this.rules = rules;
    }
}
