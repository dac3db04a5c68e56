package io.daytrade.operators.bars;

import java.util.Arrays;

/**
 * A sum of doubles that does not depend on the order of its terms: it keeps the exact sum as a list of
 * non-overlapping partials (Shewchuk's expansion, as in Python's {@code math.fsum}) and rounds only when
 * read, to the double nearest the exact sum. Bars need this because their ticks arrive in any order and
 * are pre-aggregated on several subtasks: a plain running sum would differ in its last bits between
 * runs, parallelisms and restores. A Flink POJO, so it can live in keyed state.
 *
 * <p>Terms must be finite (validation rejects non-finite prices and sizes).
 */
public class ExactSum {

    /** The partials, smallest magnitude first; only the first {@link #size} are used. */
    public double[] parts = new double[2];
    public int size;

    public ExactSum() {}

    public void add(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("not a finite number: " + x);
        }
        int kept = 0;
        for (int j = 0; j < size; j++) {
            double y = parts[j];
            if (Math.abs(x) < Math.abs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) {
                parts[kept++] = lo;
            }
            x = hi;
        }
        if (kept == parts.length) {
            parts = Arrays.copyOf(parts, parts.length * 2);
        }
        parts[kept++] = x;
        size = kept;
        if (!Double.isFinite(x)) {
            throw new ArithmeticException("sum overflows a double");
        }
    }

    /** Back to a sum of nothing, keeping the partials' array. */
    public void clear() {
        size = 0;
    }

    /** Adds every term of {@code other}: the result is exact, so merging in any order gives the same sum. */
    public void add(ExactSum other) {
        for (int i = 0; i < other.size; i++) {
            add(other.parts[i]);
        }
    }

    /** The double nearest the exact sum (ties to even). */
    public double value() {
        int n = size;
        if (n == 0) {
            return 0.0;
        }
        double hi = parts[--n];
        double lo = 0.0;
        while (n > 0) {
            double x = hi;
            double y = parts[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) {
                break;
            }
        }
        // Round half to even correctly when the rest of the partials push the halfway case one way.
        if (n > 0 && ((lo < 0 && parts[n - 1] < 0) || (lo > 0 && parts[n - 1] > 0))) {
            double y = lo * 2;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr) {
                hi = x;
            }
        }
        return hi;
    }

    public ExactSum copy() {
        ExactSum copy = new ExactSum();
        copy.parts = Arrays.copyOf(parts, Math.max(2, size));
        copy.size = size;
        return copy;
    }
}
