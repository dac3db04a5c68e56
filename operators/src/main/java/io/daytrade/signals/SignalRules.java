package io.daytrade.signals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A compiled set of signal rules over a fixed row layout ({@code close} and the indicator columns).
 * Each bar, every rule is evaluated; a rule fires when its condition becomes TRUE, not on every bar
 * while it stays true.
 */
public final class SignalRules {

    /** A rule that fired on this bar, with the values its condition read. */
    public record Fired(RuleDefinition rule, Map<String, Double> inputs) {}

    private static final byte TRUE = (byte) Truth.TRUE.ordinal();
    private static final byte UNKNOWN = (byte) Truth.UNKNOWN.ordinal();

    private final List<RuleDefinition> definitions;
    private final List<Condition> conditions;
    private final List<List<Integer>> inputColumns;
    private final List<String> columns;
    private final int crossingSlots;
    /**
     * Pairs of rules whose conditions are opposite crossings of the same two columns, found in one pass:
     * for the earlier rule of a pair, the later one's index; for the later one, -2 minus the earlier
     * one's index; -1 for a rule in no pair.
     */
    private final int[] opposite;
    /** Per rule, the rising and the falling column of its crossing of two columns, or null. */
    private final int[][] crossingColumns;
    /** The rules' ids, which memory records to be fitted after a restore. */
    private final String[] ruleIds;

    private SignalRules(List<RuleDefinition> definitions, List<Condition> conditions,
            List<List<Integer>> inputColumns, List<String> columns, int crossingSlots) {
        this.definitions = definitions;
        this.conditions = conditions;
        this.inputColumns = inputColumns;
        this.columns = columns;
        this.crossingSlots = crossingSlots;
        this.crossingColumns = conditions.stream()
                .map(c -> c instanceof Conditions.Crossing crossing ? crossing.risingAndFalling() : null)
                .toArray(int[][]::new);
        this.opposite = opposites(crossingColumns);
        this.ruleIds = definitions.stream().map(RuleDefinition::id).toArray(String[]::new);
    }

    private static int[] opposites(int[][] crossingColumns) {
        int[] opposite = new int[crossingColumns.length];
        Arrays.fill(opposite, -1);
        for (int i = 0; i < crossingColumns.length; i++) {
            int[] first = opposite[i] == -1 ? crossingColumns[i] : null;
            for (int j = i + 1; first != null && j < crossingColumns.length; j++) {
                int[] second = crossingColumns[j];
                if (opposite[j] == -1 && second != null && first[0] == second[1] && first[1] == second[0]) {
                    opposite[i] = j;
                    opposite[j] = -2 - i;
                    break;
                }
            }
        }
        return opposite;
    }

    /**
     * @param columns the row layout the rules will be evaluated on; names are lower case
     * @throws RuleSyntaxException naming the rule and what is wrong
     */
    public static SignalRules compile(List<RuleDefinition> definitions, List<String> columns) {
        ConditionParser.SlotAllocator slots = new ConditionParser.SlotAllocator();
        List<Condition> conditions = new ArrayList<>();
        List<List<Integer>> inputs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (RuleDefinition definition : definitions) {
            if (definition.id() == null || definition.id().isBlank()) {
                throw new RuleSyntaxException("a rule has no id");
            }
            if (!ids.add(definition.id())) {
                throw new RuleSyntaxException("rule '" + definition.id() + "' is defined twice");
            }
            if (definition.side() == null) {
                throw new RuleSyntaxException("rule '" + definition.id() + "': no side; use buy, sell or flat");
            }
            if (definition.when() == null) {
                throw new RuleSyntaxException("rule '" + definition.id() + "': no condition ('when')");
            }
            Condition condition = new ConditionParser(definition.id(), definition.when(), columns, slots).parse();
            Set<Integer> read = new TreeSet<>();
            condition.columns(read);
            conditions.add(condition);
            inputs.add(List.copyOf(read));
        }
        return new SignalRules(List.copyOf(definitions), conditions, inputs, List.copyOf(columns), slots.size());
    }

    public List<RuleDefinition> definitions() {
        return definitions;
    }

    /** The row layout: {@code row[i]} is the value of {@code columns().get(i)}. */
    public List<String> columns() {
        return columns;
    }

    public RuleMemory newMemory() {
        return new RuleMemory(crossingSlots, ruleIds.clone());
    }

    /**
     * Memory restored from a savepoint, fitted to these rules. Rules appended to the list (the supported
     * way to add rules to a running job) start with fresh memory and the earlier ones keep theirs; any
     * other change of the list starts every rule fresh (a crossing then needs one bar to re-arm). Memory
     * written before it recorded its rules' ids is kept only if its sizes fit these rules.
     *
     * @return {@code restored} itself when it is for exactly these rules
     */
    public RuleMemory fit(RuleMemory restored) {
        // The usual case, at every bar: memory of these very rules. Checked before making fresh memory to
        // compare with, which was 7% of the live job's indicator thread.
        if (restored.rules != null && Arrays.equals(restored.rules, ruleIds)) {
            return restored;
        }
        RuleMemory fresh = newMemory();
        boolean sameSizes = restored.crossing.length == fresh.crossing.length
                && restored.previous.length == fresh.previous.length;
        if (restored.rules == null) {
            if (sameSizes) {
                restored.rules = fresh.rules;
                return restored;
            }
            return fresh;
        }
        if (Arrays.equals(restored.rules, fresh.rules)) {
            return restored;
        }
        boolean appended = restored.rules.length < fresh.rules.length
                && Arrays.equals(restored.rules, Arrays.copyOf(fresh.rules, restored.rules.length))
                && restored.crossing.length <= fresh.crossing.length;
        if (appended) {
            System.arraycopy(restored.crossing, 0, fresh.crossing, 0, restored.crossing.length);
            System.arraycopy(restored.previous, 0, fresh.previous, 0, restored.previous.length);
        }
        return fresh;
    }

    /**
     * What {@link #evaluate} reports bar after bar from fresh memory, for the first {@code count}
     * evaluated bars of {@code columns} at once, reduced to the rule a backtest acts on: {@code out[k]}
     * is the index of the last rule (in rule order) that fired at the k-th bar, or -1. Each condition
     * is evaluated over all the bars in one loop, which is several times faster than a row at a time.
     *
     * @param truths scratch space of at least {@code count}
     */
    public void lastFired(BarColumns columns, int count, int[] out, byte[] truths) {
        Arrays.fill(out, 0, count, -1);
        for (int i = 0; i < conditions.size(); i++) {
            conditions.get(i).evaluateAll(columns, count, truths);
            byte before = UNKNOWN;
            for (int k = 0; k < count; k++) {
                byte now = truths[k];
                if (fires(now, before)) {
                    out[k] = i;
                }
                before = now;
            }
        }
    }

    /**
     * {@link #lastFired} kept only at the bars where some rule fired, in bar order.
     *
     * @param truths scratch space of at least {@code count}
     */
    public void firings(BarColumns columns, int count, byte[] truths, Firings out) {
        out.clear();
        int ruleCount = conditions.size();
        for (int i = 0; i < ruleCount; i++) {
            Condition condition = conditions.get(i);
            if (columns.everyBar() && opposite[i] < -1) {
                continue; // found with the opposite crossing before it
            }
            if (columns.everyBar() && opposite[i] >= 0) {
                int[] pair = crossingColumns[i];
                Conditions.Crossing.addOppositeFirings(columns, pair[0], pair[1], count, i, opposite[i], ruleCount, out);
            } else if (!condition.addFirings(columns, count, i, ruleCount, out)) {
                condition.evaluateAll(columns, count, truths);
                byte before = UNKNOWN;
                for (int k = 0; k < count; k++) {
                    byte now = truths[k];
                    if (fires(now, before)) {
                        out.add(k, i, ruleCount);
                    }
                    before = now;
                }
            }
            out.endOfRule();
        }
        out.settle(ruleCount);
    }

    /**
     * A rule fires on the bar where its condition becomes true: true now, and false or unknown on the bar
     * before (or no bar before). The one definition for the row-at-a-time and the column-at-once paths.
     */
    private static boolean fires(byte now, byte before) {
        return now == TRUE && before != TRUE;
    }

    /** Evaluates every rule on one bar's row (NaN for "no value yet") and updates {@code memory}. */
    public List<Fired> evaluate(double[] row, RuleMemory memory) {
        List<Fired> fired = List.of();
        for (int i = 0; i < conditions.size(); i++) {
            byte now = (byte) conditions.get(i).evaluate(row, memory.crossing).ordinal();
            byte before = memory.previous[i];
            memory.previous[i] = now;
            if (fires(now, before)) {
                Map<String, Double> inputs = new LinkedHashMap<>();
                for (int column : inputColumns.get(i)) {
                    inputs.put(columns.get(column), row[column]);
                }
                if (fired.isEmpty()) {
                    fired = new ArrayList<>(2);
                }
                fired.add(new Fired(definitions.get(i), inputs));
            }
        }
        return fired;
    }
}
