package io.daytrade.bench;

/**
 * The baseline of the sweep suite: the SMA-cross sweep as a quant would write it in one thread over
 * primitive arrays, doing the same work as the engine: each SMA computed once per symbol and period
 * (the engine shares them the same way), then per parameter set the crossing rules, fills at the next
 * open with slippage and fees, all-in and long only, the equity marked at every close, and the metrics
 * total return, Sharpe and max drawdown. Same formulas, step for step, so the results agree.
 */
final class PlainSmaCrossSweep {

    /** What the loop adds up over the sweep, to compare with the engine's results. */
    record Totals(double totalReturn, long trades, long barEvaluations) {}

    private PlainSmaCrossSweep() {}

    static Totals run(double[][] open, double[][] close, int[][] sets, double capital, double feeBps, double slippageBps,
            double periodsPerYear) {
        double fee = feeBps / 10_000.0;
        double slip = slippageBps / 10_000.0;
        double totalReturn = 0;
        long trades = 0;
        long evaluations = 0;
        int maxPeriod = 0;
        for (int[] set : sets) {
            maxPeriod = Math.max(maxPeriod, Math.max(set[0], set[1]));
        }
        for (int s = 0; s < close.length; s++) {
            double[][] sma = new double[maxPeriod + 1][];
            for (int[] set : sets) {
                for (int period : set) {
                    if (sma[period] == null) {
                        sma[period] = sma(close[s], period);
                    }
                }
            }
            for (int[] set : sets) {
                double[] r = simulate(open[s], close[s], sma[set[0]], sma[set[1]], capital, fee, slip, periodsPerYear);
                totalReturn += r[0];
                trades += (long) r[3];
                evaluations += close[s].length;
            }
        }
        return new Totals(totalReturn, trades, evaluations);
    }

    /** TA-Lib's SMA: a running total, NaN for the first period - 1 bars. */
    static double[] sma(double[] close, int period) {
        double[] out = new double[close.length];
        double total = 0;
        for (int i = 0; i < close.length; i++) {
            total += close[i];
            if (i >= period - 1) {
                out[i] = total / period;
                total -= close[i - period + 1];
            } else {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    /** {total return, sharpe, max drawdown, trades} of one parameter set on one symbol. */
    private static double[] simulate(double[] open, double[] close, double[] fast, double[] slow, double capital,
            double fee, double slip, double periodsPerYear) {
        int n = close.length;
        double cash = capital;
        double units = 0;
        int pending = 0; // +1 buy at the next open, -1 sell, 0 nothing
        double previous = capital;
        double sum = 0;
        double sumSquares = 0;
        double peak = capital;
        double maxDrawdown = 0;
        int trades = 0;
        double equity = capital;
        for (int t = 0; t < n; t++) {
            if (pending == 1 && units == 0) {
                double fill = open[t] * (1 + slip);
                units = cash / (fill * (1 + fee));
                cash -= units * fill + units * fill * fee;
            } else if (pending == -1 && units > 0) {
                double fill = open[t] * (1 - slip);
                cash += units * fill - units * fill * fee;
                units = 0;
                trades++;
            }
            pending = 0;
            equity = cash + units * close[t];
            if (t == n - 1 && units > 0) {
                double fill = close[t] * (1 - slip);
                cash += units * fill - units * fill * fee;
                units = 0;
                trades++;
                equity = cash;
            }
            double r = equity / previous - 1;
            previous = equity;
            sum += r;
            sumSquares += r * r;
            if (equity >= peak) {
                peak = equity;
            } else {
                maxDrawdown = Math.max(maxDrawdown, (peak - equity) / peak);
            }
            if (t > 0 && !Double.isNaN(slow[t - 1]) && !Double.isNaN(fast[t - 1])) {
                if (fast[t - 1] <= slow[t - 1] && fast[t] > slow[t]) {
                    pending = units == 0 ? 1 : 0;
                } else if (fast[t - 1] >= slow[t - 1] && fast[t] < slow[t]) {
                    pending = units > 0 ? -1 : 0;
                }
            }
        }
        double mean = sum / n;
        double variance = (sumSquares - n * mean * mean) / (n - 1);
        double sharpe = mean / Math.sqrt(variance) * Math.sqrt(periodsPerYear);
        return new double[] {equity / capital - 1, sharpe, maxDrawdown, trades};
    }
}
