package io.daytrade.backtest;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Resampled alternatives to one backtest's history, one path at a time. Path {@code i} draws from its
 * own generator, seeded from the run's seed and {@code i} alone, so a path is the same whichever
 * subtask computes it and the whole result is the same at any parallelism.
 * <ul>
 *   <li>{@code trades}: the backtest's trade returns drawn with replacement, as many as it had, and
 *       compounded; Sharpe is per trade, annualised by the trades per year of the backtest.</li>
 *   <li>{@code blocks}: a moving-block bootstrap of the per-bar returns (blocks of consecutive bars
 *       starting anywhere, concatenated to the original length), which keeps short-range dependence
 *       such as volatility clusters; Sharpe is per bar, annualised by the bars per year.</li>
 * </ul>
 * Max drawdown is over the compounded path, starting from the capital; Sharpe uses the sample
 * standard deviation and is NaN when it is zero.
 */
public final class MonteCarlo {

    /** What one path ends with. */
    public record Path(double finalEquity, double maxDrawdown, double sharpe) implements java.io.Serializable {}

    public enum Method { TRADES, BLOCKS }

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final Method method;
    private final double[] returns;
    private final int block;
    private final double capital;
    private final double periodsPerYear;
    private final long seed;

    /**
     * @param returns trade returns (TRADES) or bar returns (BLOCKS), in time order
     * @param block bars per block (BLOCKS only)
     * @param periodsPerYear trades per year (TRADES) or bars per year (BLOCKS)
     */
    public MonteCarlo(Method method, double[] returns, int block, double capital, double periodsPerYear, long seed) {
        if (returns.length == 0) {
            throw new IllegalArgumentException(method == Method.TRADES
                    ? "the backtest has no trades to resample; try --method blocks" : "the backtest has no bars");
        }
        if (method == Method.BLOCKS && (block < 1 || block > returns.length)) {
            throw new IllegalArgumentException("--block must be between 1 and the " + returns.length + " bars, got " + block);
        }
        this.method = method;
        this.returns = returns.clone();
        this.block = block;
        this.capital = capital;
        this.periodsPerYear = periodsPerYear;
        this.seed = seed;
    }

    public Path path(long index) {
        SplittableRandom random = new SplittableRandom(mix(seed + (index + 1) * GOLDEN));
        int n = returns.length;
        double[] drawn = new double[n];
        if (method == Method.TRADES) {
            for (int i = 0; i < n; i++) {
                drawn[i] = returns[random.nextInt(n)];
            }
        } else {
            int filled = 0;
            while (filled < n) {
                int start = random.nextInt(n - block + 1);
                int length = Math.min(block, n - filled);
                System.arraycopy(returns, start, drawn, filled, length);
                filled += length;
            }
        }
        return outcome(drawn);
    }

    /** The same measures of the original, unshuffled returns: where the backtest itself stands. */
    public Path original() {
        return outcome(returns);
    }

    private Path outcome(double[] r) {
        double equity = capital;
        double peak = capital;
        double maxDrawdown = 0;
        double sum = 0;
        for (double value : r) {
            equity *= 1 + value;
            peak = Math.max(peak, equity);
            maxDrawdown = Math.max(maxDrawdown, (peak - equity) / peak);
            sum += value;
        }
        double mean = sum / r.length;
        double squares = 0;
        for (double value : r) {
            squares += (value - mean) * (value - mean);
        }
        double stdev = r.length < 2 ? Double.NaN : Math.sqrt(squares / (r.length - 1));
        double sharpe = stdev == 0 || Double.isNaN(stdev) ? Double.NaN : mean / stdev * Math.sqrt(periodsPerYear);
        return new Path(equity, maxDrawdown, sharpe);
    }

    /**
     * The {@code p}-th percentile (0..100) of the values that are not NaN, interpolated linearly between
     * the two nearest ranks (as numpy's default does); NaN if there are none.
     */
    public static double percentile(double[] values, double p) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double rank = p / 100 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }

    /** SplitMix64's finaliser: nearby seeds give unrelated generators. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
