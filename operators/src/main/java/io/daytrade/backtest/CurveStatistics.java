package io.daytrade.backtest;

/**
 * The figures {@link PerformanceMetrics} takes from an equity curve, folded in one mark at a time, so that
 * a backtest read for its metrics alone never stores its curve: the sums of the per-bar returns, of their
 * squares and of their downside squares, and the drawdown spells. The newest mark is held back until the
 * next one comes (or {@link #finish}) because a backtest's closing trade rewrites its last mark.
 *
 * <p>A sweep spends most of its bars holding a position or waiting flat; {@link #addHeld} folds a run of
 * such bars in one loop with no store, and {@link #addConstant} folds a flat run in constant time. Both give
 * the same figures, bit for bit, as {@link #add} called at every bar: a run of equal marks has returns of
 * exactly zero after its first, and adding zero changes no sum.
 */
final class CurveStatistics {

    private final double capital;
    private double previous;
    private double sum;
    private double squares;
    private double downside;
    // The deepest drawdown of each spell under a peak is at the spell's lowest equity (peaks are positive
    // and rounding is monotone), so it is divided out once per spell, not at every bar.
    private double peak;
    private double trough;
    private double maxDrawdown;
    private long underwater;
    /** The longest spell under a peak that has ended; the one still open is {@code underwater} long. */
    private long longestUnderwater;
    private boolean undefined;
    private int folded;
    private boolean holding;
    private double held;

    CurveStatistics(double capital) {
        this.capital = capital;
        this.previous = capital;
        this.peak = capital;
        this.trough = capital;
    }

    /** The next bar's mark. */
    void add(double value) {
        if (holding) {
            fold(held);
        }
        held = value;
        holding = true;
    }

    /** {@code count} bars all marked {@code value}. */
    void addConstant(double value, int count) {
        if (count <= 0) {
            return;
        }
        add(value);
        if (count == 1) {
            return;
        }
        fold(held); // the first of the run; its return may be anything
        double r = value / value - 1;
        if (Double.doubleToRawLongBits(r) != 0) {
            for (int i = 1; i < count - 1; i++) {
                fold(value); // a zero or NaN value: returns that are not zero, folded one by one
            }
            return;
        }
        // count - 2 returns of exactly +0.0 leave every sum as it is; the last stays held.
        folded += count - 2;
        if (!(value >= peak)) {
            underwater += count - 2;
        }
    }

    /** Bars {@code from} to {@code to - 1} of {@code closes}, each marked {@code cash + quantity * close}. */
    void addHeld(double cash, double quantity, double[] closes, int from, int to) {
        if (to <= from) {
            return;
        }
        if (holding) {
            fold(held);
        }
        double previous = this.previous;
        double sum = this.sum;
        double squares = this.squares;
        double downside = this.downside;
        double peak = this.peak;
        double trough = this.trough;
        double maxDrawdown = this.maxDrawdown;
        long underwater = this.underwater;
        long longestUnderwater = this.longestUnderwater;
        boolean undefined = this.undefined;
        // fold()'s body on local copies of the fields: the JIT keeps locals in registers across the
        // loop, fields it reloads and stores at every bar.
        for (int i = from; i < to - 1; i++) {
            double value = cash + quantity * closes[i];
            double r = value / previous - 1;
            previous = value;
            sum += r;
            squares += r * r;
            double loss = lossOf(r);
            downside += loss * loss;
            if (value >= peak) {
                maxDrawdown = Math.max(maxDrawdown, (peak - trough) / peak);
                longestUnderwater = Math.max(longestUnderwater, underwater); // a spell's length, at its end
                peak = value;
                trough = value;
                underwater = 0;
            } else {
                undefined |= value != value;
                if (value < trough) { // a NaN leaves it, but then the drawdown is undefined anyway
                    trough = value;
                }
                underwater++;
            }
        }
        this.previous = previous;
        this.sum = sum;
        this.squares = squares;
        this.downside = downside;
        this.peak = peak;
        this.trough = trough;
        this.maxDrawdown = maxDrawdown;
        this.underwater = underwater;
        this.longestUnderwater = longestUnderwater;
        this.undefined = undefined;
        folded += to - 1 - from;
        held = cash + quantity * closes[to - 1];
        holding = true;
    }

    /** Replaces the newest mark (a closing trade at the last bar turns it into cash). */
    void replaceLast(double value) {
        if (!holding) {
            throw new IllegalStateException("no mark to replace");
        }
        held = value;
    }

    /** The number of marks so far. */
    int marks() {
        return folded + (holding ? 1 : 0);
    }

    private void fold(double value) {
        double r = value / previous - 1;
        previous = value;
        sum += r;
        squares += r * r;
        double loss = lossOf(r);
        downside += loss * loss;
        if (value >= peak) {
            maxDrawdown = Math.max(maxDrawdown, (peak - trough) / peak);
            longestUnderwater = Math.max(longestUnderwater, underwater);
            peak = value;
            trough = value;
            underwater = 0;
        } else {
            undefined |= value != value;
            if (value < trough) {
                trough = value;
            }
            underwater++;
        }
        folded++;
    }

    /**
     * The negative part of a return, {@code Math.min(r, 0)} as far as its square goes: r itself when its
     * sign bit is set, +0.0 otherwise, from the bits alone. Math.min's care for -0.0 and NaN made C2 emit a
     * compare-and-blend sequence per bar, a quarter of the held-run fold, and a conditional in its place
     * compiled to a branch that a return's sign mispredicts. The two differ only for a NaN return, which
     * this may take as +0.0; the sum of returns is then NaN too, and so is the one metric that reads the
     * downside (the Sortino ratio divides the mean return by it), whatever the downside holds.
     */
    static double lossOf(double r) {
        long bits = Double.doubleToRawLongBits(r);
        return Double.longBitsToDouble(bits & (bits >> 63));
    }

    /**
     * The metrics of the curve so far, its newest mark included (which can then no longer be replaced),
     * with the account's other figures.
     */
    PerformanceMetrics finish(double periodsPerYear, TradeTally tally, double exposure, double tradedNotional,
            double feesPaid) {
        if (holding) {
            fold(held);
            holding = false;
        }
        int n = folded;
        double finalEquity = previous; // the capital when there is no mark
        double drawdown = undefined ? Double.NaN : Math.max(maxDrawdown, (peak - trough) / peak);
        long longest = Math.max(longestUnderwater, underwater); // the spell still open at the end
        double mean = n == 0 ? Double.NaN : sum / n;
        // One pass: sum(r^2) - n mean^2 equals sum((r - mean)^2); per-bar returns are small beside their
        // spread (|mean| well under the deviation), so the subtraction loses next to nothing.
        double stdev = n < 2 ? Double.NaN : Math.sqrt(Math.max(0, squares - n * mean * mean) / (n - 1));
        double downsideDeviation = n == 0 ? Double.NaN : Math.sqrt(downside / n);
        return PerformanceMetrics.from(capital, periodsPerYear, n, finalEquity, mean, stdev, downsideDeviation,
                drawdown, longest, tally, exposure, tradedNotional, feesPaid);
    }
}
