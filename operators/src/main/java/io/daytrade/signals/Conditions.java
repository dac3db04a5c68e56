package io.daytrade.signals;

import java.util.Set;

/** The condition nodes: operands, comparisons, crossings and the logical connectives. */
final class Conditions {

    private Conditions() {}

    // Truth values as bytes (their ordinals) and the connectives as tables, for evaluating many bars.
    static final byte TRUE = (byte) Truth.TRUE.ordinal();
    static final byte FALSE = (byte) Truth.FALSE.ordinal();
    static final byte UNKNOWN = (byte) Truth.UNKNOWN.ordinal();
    private static final byte[] NOT = new byte[3];
    private static final byte[] AND = new byte[9];
    private static final byte[] OR = new byte[9];

    private static final Truth[] TRUTHS = Truth.values();

    static {
        for (Truth a : TRUTHS) {
            NOT[a.ordinal()] = (byte) a.not().ordinal();
            for (Truth b : TRUTHS) {
                AND[a.ordinal() * 3 + b.ordinal()] = (byte) a.and(b).ordinal();
                OR[a.ordinal() * 3 + b.ordinal()] = (byte) a.or(b).ordinal();
            }
        }
    }

    /** A number in a condition: a column of the row, or a constant. */
    interface Operand {
        double value(double[] row);

        /** The value at the {@code k}-th evaluated bar of {@code columns}. */
        double at(BarColumns columns, int k);

        void columns(Set<Integer> into);
    }

    record Column(int index) implements Operand {
        @Override
        public double value(double[] row) {
            return row[index];
        }

        @Override
        public double at(BarColumns columns, int k) {
            return columns.get(index, k);
        }

        @Override
        public void columns(Set<Integer> into) {
            into.add(index);
        }
    }

    record Constant(double number) implements Operand {
        @Override
        public double value(double[] row) {
            return number;
        }

        @Override
        public double at(BarColumns columns, int k) {
            return number;
        }

        @Override
        public void columns(Set<Integer> into) {}
    }

    enum Comparator {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

        final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        boolean test(double a, double b) {
            return switch (this) {
                case LT -> a < b;
                case LE -> a <= b;
                case GT -> a > b;
                case GE -> a >= b;
                case EQ -> a == b;
                case NE -> a != b;
            };
        }
    }

    record Comparison(Operand left, Comparator comparator, Operand right) implements Condition {
        @Override
        public Truth evaluate(double[] row, double[] memory) {
            return TRUTHS[truth(left.value(row), right.value(row))];
        }

        @Override
        public void evaluateAll(BarColumns columns, int count, byte[] out) {
            for (int k = 0; k < count; k++) {
                out[k] = truth(left.at(columns, k), right.at(columns, k));
            }
        }

        private byte truth(double a, double b) {
            return Double.isNaN(a) || Double.isNaN(b) ? UNKNOWN : comparator.test(a, b) ? TRUE : FALSE;
        }

        @Override
        public void columns(Set<Integer> into) {
            left.columns(into);
            right.columns(into);
        }
    }

    /**
     * {@code crosses_above(a, b)} at bar t: a[t-1] <= b[t-1] and a[t] > b[t], all four defined;
     * {@code crosses_below(a, b)}: a[t-1] >= b[t-1] and a[t] < b[t]. The previous bar's a and b are kept
     * in {@code memory[slot]} and {@code memory[slot + 1]}.
     */
    record Crossing(boolean above, Operand a, Operand b, int slot) implements Condition {
        @Override
        public Truth evaluate(double[] row, double[] memory) {
            double currentA = a.value(row);
            double currentB = b.value(row);
            byte truth = truth(memory[slot], memory[slot + 1], currentA, currentB);
            memory[slot] = currentA;
            memory[slot + 1] = currentB;
            return TRUTHS[truth];
        }

        /** From fresh memory: nothing before the first bar. */
        @Override
        public void evaluateAll(BarColumns columns, int count, byte[] out) {
            if (a instanceof Column x && b instanceof Column y && columns.everyBar()) {
                evaluateAll(columns.array(x.index()), columns.offset(x.index()), columns.array(y.index()),
                        columns.offset(y.index()), count, out);
                return;
            }
            double previousA = Double.NaN;
            double previousB = Double.NaN;
            for (int k = 0; k < count; k++) {
                double currentA = a.at(columns, k);
                double currentB = b.at(columns, k);
                out[k] = truth(previousA, previousB, currentA, currentB);
                previousA = currentA;
                previousB = currentB;
            }
        }

        /**
         * Two columns at every bar: a crossing is never true on two bars in a row (true needs a at or
         * below b the bar before and above it now, for {@code crosses_above}), so it fires wherever it is
         * true, and those bars are found in one pass with no truth stored per bar. A sweep does this for
         * every parameter set over every bar.
         */
        @Override
        public boolean addFirings(BarColumns columns, int count, int rule, int ruleCount, Firings out) {
            int[] pair = risingAndFalling();
            if (pair == null || !columns.everyBar()) {
                return false;
            }
            double[] rises = columns.array(pair[0]);
            double[] falls = columns.array(pair[1]);
            int fromRising = columns.offset(pair[0]);
            int fromFalling = columns.offset(pair[1]);
            boolean armed = false; // the bar before had both defined, the rising one at or below
            int k = 0;
            while (k < count) {
                double r = rises[fromRising + k];
                double f = falls[fromFalling + k];
                if (armed && r > f) {
                    out.add(k, rule, ruleCount);
                }
                armed = r <= f;
                k++;
                // Runs where nothing can fire, passed one comparison a bar (see addOppositeFirings).
                if (armed) {
                    while (k < count && rises[fromRising + k] <= falls[fromFalling + k]) {
                        k++;
                    }
                } else if (r > f) {
                    k = whileAbove(rises, fromRising, falls, fromFalling, k, count);
                }
            }
            return true;
        }

        /**
         * The layout columns of a crossing of two columns, the one that must rise above the other first
         * and then the other (crosses_below(a, b) is crosses_above(b, a)); null if an operand is not a
         * column.
         */
        int[] risingAndFalling() {
            if (a instanceof Column x && b instanceof Column y) {
                return above ? new int[] {x.index(), y.index()} : new int[] {y.index(), x.index()};
            }
            return null;
        }

        /**
         * The firings of two opposite crossings of the same two columns at every bar (a strategy's entry
         * and exit on one pair of averages): {@code up} fires where column {@code x} rises above column
         * {@code y}, {@code down} where it falls below; one pass over the two columns instead of one per
         * rule. The two never fire on the same bar, so the firings come in bar order.
         */
        static void addOppositeFirings(BarColumns columns, int x, int y, int count, int up, int down, int ruleCount,
                Firings out) {
            double[] xs = columns.array(x);
            double[] ys = columns.array(y);
            int fromX = columns.offset(x);
            int fromY = columns.offset(y);
            boolean armedUp = false; // the bar before had both defined, x at or below y
            boolean armedDown = false; // ... x at or above y
            int k = 0;
            while (k < count) {
                double xv = xs[fromX + k];
                double yv = ys[fromY + k];
                if (armedUp && xv > yv) {
                    out.add(k, up, ruleCount);
                } else if (armedDown && xv < yv) {
                    out.add(k, down, ruleCount);
                }
                armedUp = xv <= yv;
                armedDown = xv >= yv;
                k++;
                // Nothing fires while x stays strictly on one side: those bars are passed in a loop of one
                // comparison each, which the compiler unrolls (a pair crosses a few hundred times in 20,000).
                if (xv > yv) {
                    k = whileAbove(xs, fromX, ys, fromY, k, count);
                } else if (xv < yv) {
                    k = whileAbove(ys, fromY, xs, fromX, k, count);
                }
            }
        }

        /** The first position from {@code k} (or {@code count}) where {@code as} is not strictly above {@code bs}. */
        private static int whileAbove(double[] as, int fromA, double[] bs, int fromB, int k, int count) {
            while (k < count && as[fromA + k] > bs[fromB + k]) {
                k++;
            }
            return k;
        }

        /**
         * Two columns at every bar, the usual crossing (of two averages, say), read straight from their
         * arrays.
         */
        private void evaluateAll(double[] as, int fromA, double[] bs, int fromB, int count, byte[] out) {
            double previousA = Double.NaN;
            double previousB = Double.NaN;
            for (int k = 0; k < count; k++) {
                double currentA = as[fromA + k];
                double currentB = bs[fromB + k];
                out[k] = truth(previousA, previousB, currentA, currentB);
                previousA = currentA;
                previousB = currentB;
            }
        }

        private byte truth(double previousA, double previousB, double currentA, double currentB) {
            if (Double.isNaN(previousA) || Double.isNaN(previousB) || Double.isNaN(currentA) || Double.isNaN(currentB)) {
                return UNKNOWN;
            }
            boolean crossed = above
                    ? previousA <= previousB && currentA > currentB
                    : previousA >= previousB && currentA < currentB;
            return crossed ? TRUE : FALSE;
        }

        @Override
        public void columns(Set<Integer> into) {
            a.columns(into);
            b.columns(into);
        }
    }

    record Not(Condition inner) implements Condition {
        @Override
        public Truth evaluate(double[] row, double[] memory) {
            return inner.evaluate(row, memory).not();
        }

        @Override
        public void evaluateAll(BarColumns columns, int count, byte[] out) {
            inner.evaluateAll(columns, count, out);
            for (int k = 0; k < count; k++) {
                out[k] = NOT[out[k]];
            }
        }

        @Override
        public void columns(Set<Integer> into) {
            inner.columns(into);
        }
    }

    /** Both sides are always evaluated, so that every crossing keeps its memory up to date. */
    record And(Condition left, Condition right) implements Condition {
        @Override
        public Truth evaluate(double[] row, double[] memory) {
            Truth l = left.evaluate(row, memory);
            return l.and(right.evaluate(row, memory));
        }

        @Override
        public void evaluateAll(BarColumns columns, int count, byte[] out) {
            evaluateBoth(left, right, AND, columns, count, out);
        }

        @Override
        public void columns(Set<Integer> into) {
            left.columns(into);
            right.columns(into);
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        @Override
        public Truth evaluate(double[] row, double[] memory) {
            Truth l = left.evaluate(row, memory);
            return l.or(right.evaluate(row, memory));
        }

        @Override
        public void evaluateAll(BarColumns columns, int count, byte[] out) {
            evaluateBoth(left, right, OR, columns, count, out);
        }

        @Override
        public void columns(Set<Integer> into) {
            left.columns(into);
            right.columns(into);
        }
    }

    /** Both sides over the bars (each keeps its crossings' memory), combined through a connective's table. */
    private static void evaluateBoth(Condition left, Condition right, byte[] table, BarColumns columns, int count,
            byte[] out) {
        left.evaluateAll(columns, count, out);
        byte[] other = new byte[count];
        right.evaluateAll(columns, count, other);
        for (int k = 0; k < count; k++) {
            out[k] = table[out[k] * 3 + other[k]];
        }
    }
}
