package io.daytrade.crossasset;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rolling relations between the bar returns of a set of symbols: the Pearson correlation matrix, beta
 * and correlation against a benchmark, and an ordinary-least-squares regression of each symbol on
 * factor symbols. Returns are aligned on common timestamps: a bar time counts only when every symbol
 * of the set has a bar at it, and each return runs from the previous such time. Each time the
 * statistics are computed afresh from the window (O(window × symbols²)), so nothing drifts the way
 * running sums with subtraction do.
 */
public final class CrossAssetCalculator implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String> symbols;
    private final int window;
    private final int benchmark;
    private final int[] factors;

    /**
     * @param benchmark a symbol of the set, or null
     * @param factors symbols of the set to regress the others on; may be empty
     * @throws IllegalArgumentException naming what does not fit
     */
    public CrossAssetCalculator(List<String> symbols, int window, String benchmark, List<String> factors) {
        if (symbols.size() < 2) {
            throw new IllegalArgumentException("cross-asset analytics need at least two symbols, got " + symbols);
        }
        if (window < 3) {
            throw new IllegalArgumentException("the window must be at least 3 returns, got " + window);
        }
        this.symbols = List.copyOf(symbols);
        this.window = window;
        this.benchmark = benchmark == null ? -1 : indexOf(benchmark, "benchmark");
        this.factors = factors.stream().mapToInt(f -> indexOf(f, "factor")).toArray();
        if (factors.size() >= symbols.size()) {
            throw new IllegalArgumentException("every symbol is a factor: nothing is left to regress on them");
        }
        if (window <= this.factors.length + 1) {
            throw new IllegalArgumentException("a regression on " + factors.size() + " factors needs a window above "
                    + (factors.size() + 1) + " returns");
        }
    }

    private int indexOf(String symbol, String role) {
        int index = symbols.indexOf(symbol);
        if (index < 0) {
            throw new IllegalArgumentException("the " + role + " " + symbol + " is not one of the symbols " + symbols);
        }
        return index;
    }

    public List<String> symbols() {
        return symbols;
    }

    public int window() {
        return window;
    }

    /**
     * One bar time's closes (symbols without a bar at it are absent). Returns a row per symbol once the
     * window is full, else nothing.
     */
    public List<CrossAssetRow> onTime(CrossAssetState state, long time, Map<String, Double> closes) {
        int k = symbols.size();
        double[] now = new double[k];
        for (int s = 0; s < k; s++) {
            Double close = closes.get(symbols.get(s));
            if (close == null) {
                state.skippedTimes++;
                return List.of();
            }
            now[s] = close;
        }
        if (state.lastCloses == null) {
            state.lastCloses = now;
            state.returns = new double[window * k];
            return List.of();
        }
        for (int s = 0; s < k; s++) {
            state.returns[state.next * k + s] = now[s] / state.lastCloses[s] - 1;
        }
        state.lastCloses = now;
        state.next = (state.next + 1) % window;
        state.filled = Math.min(window, state.filled + 1);
        return state.filled < window ? List.of() : rows(state.returns, time);
    }

    private List<CrossAssetRow> rows(double[] returns, long time) {
        int k = symbols.size();
        double[] mean = new double[k];
        for (int r = 0; r < window; r++) {
            for (int s = 0; s < k; s++) {
                mean[s] += returns[r * k + s];
            }
        }
        for (int s = 0; s < k; s++) {
            mean[s] /= window;
        }
        double[][] cov = new double[k][k];
        for (int r = 0; r < window; r++) {
            for (int a = 0; a < k; a++) {
                double da = returns[r * k + a] - mean[a];
                for (int b = a; b < k; b++) {
                    cov[a][b] += da * (returns[r * k + b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                cov[a][b] /= window - 1;
                cov[b][a] = cov[a][b];
            }
        }
        List<CrossAssetRow> rows = new ArrayList<>(k);
        for (int s = 0; s < k; s++) {
            double[] correlations = new double[k];
            for (int o = 0; o < k; o++) {
                correlations[o] = correlation(cov, s, o);
            }
            double beta = benchmark < 0 || cov[benchmark][benchmark] == 0 ? Double.NaN
                    : cov[s][benchmark] / cov[benchmark][benchmark];
            double benchmarkCorrelation = benchmark < 0 ? Double.NaN : correlations[benchmark];
            double[] regression = isFactor(s) || factors.length == 0 ? null : regress(returns, s);
            rows.add(new CrossAssetRow(symbols.get(s), time, correlations, beta, benchmarkCorrelation,
                    regression == null ? Double.NaN : regression[0],
                    regression == null ? null : java.util.Arrays.copyOfRange(regression, 1, factors.length + 1),
                    regression == null ? Double.NaN : regression[factors.length + 1]));
        }
        return rows;
    }

    private static double correlation(double[][] cov, int a, int b) {
        double denominator = Math.sqrt(cov[a][a] * cov[b][b]);
        return denominator == 0 ? Double.NaN : cov[a][b] / denominator;
    }

    private boolean isFactor(int symbol) {
        for (int f : factors) {
            if (f == symbol) {
                return true;
            }
        }
        return false;
    }

    /** OLS of symbol {@code y} on an intercept and the factors: [alpha, betas..., r squared]; NaNs if singular. */
    private double[] regress(double[] returns, int y) {
        int k = symbols.size();
        int p = factors.length + 1;
        double[][] xtx = new double[p][p + 1]; // augmented with X'y
        for (int r = 0; r < window; r++) {
            double[] x = new double[p];
            x[0] = 1;
            for (int f = 0; f < factors.length; f++) {
                x[f + 1] = returns[r * k + factors[f]];
            }
            double target = returns[r * k + y];
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    xtx[a][b] += x[a] * x[b];
                }
                xtx[a][p] += x[a] * target;
            }
        }
        double[] coefficients = LinearSystem.solve(xtx);
        double[] result = new double[p + 1];
        if (coefficients == null) {
            java.util.Arrays.fill(result, Double.NaN);
            return result;
        }
        System.arraycopy(coefficients, 0, result, 0, p);
        double mean = 0;
        for (int r = 0; r < window; r++) {
            mean += returns[r * k + y];
        }
        mean /= window;
        double residual = 0;
        double total = 0;
        for (int r = 0; r < window; r++) {
            double fitted = coefficients[0];
            for (int f = 0; f < factors.length; f++) {
                fitted += coefficients[f + 1] * returns[r * k + factors[f]];
            }
            double actual = returns[r * k + y];
            residual += (actual - fitted) * (actual - fitted);
            total += (actual - mean) * (actual - mean);
        }
        result[p] = total == 0 ? Double.NaN : 1 - residual / total;
        return result;
    }
}
