package io.daytrade.bench;

import java.util.List;

/**
 * The baseline of the sweep suite: the SMA-cross sweep as a quant would write it in one thread over
 * primitive arrays, doing the same work as the engine: each SMA computed once per symbol and period
 * (the engine shares them the same way), then per parameter set the crossing rules, fills at the next
 * open with slippage and fees, all-in and long only, the equity marked at every close, and every metric
 * the engine writes to results.csv, in one pass over the bars. Same formulas, so the results agree.
 */
final class PlainSmaCrossSweep {

    /** The metrics, in the order of results.csv's metric columns. */
    static final List<String> METRICS = List.of("total_return", "cagr", "volatility", "sharpe", "sortino", "calmar",
            "max_drawdown", "max_drawdown_duration", "win_rate", "profit_factor", "expectancy", "exposure", "trades",
            "turnover", "fees_paid");
    private static final int TRADES = METRICS.indexOf("trades");

    /**
     * What the loop adds up over the sweep, to compare with the engine's results: per metric, the sum of
     * its defined values and the number of undefined (NaN) ones.
     */
    record Totals(double[] sums, long[] undefined, long barEvaluations) {

        double totalReturn() {
            return sums[0];
        }

        long trades() {
            return (long) sums[TRADES];
        }
    }

    private PlainSmaCrossSweep() {}

    static Totals run(double[][] open, double[][] close, int[][] sets, double capital, double feeBps, double slippageBps,
            double periodsPerYear) {
        double fee = feeBps / 10_000.0;
        double slip = slippageBps / 10_000.0;
        double[] sums = new double[METRICS.size()];
        long[] undefined = new long[METRICS.size()];
        long evaluations = 0;
        int maxPeriod = 0;
        for (int[] set : sets) {
            maxPeriod = Math.max(maxPeriod, Math.max(set[0], set[1]));
        }
        double[] metrics = new double[METRICS.size()];
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
                simulate(open[s], close[s], sma[set[0]], sma[set[1]], capital, fee, slip, periodsPerYear, metrics);
                for (int m = 0; m < metrics.length; m++) {
                    if (Double.isNaN(metrics[m])) {
                        undefined[m]++;
                    } else {
                        sums[m] += metrics[m];
                    }
                }
                evaluations += close[s].length;
            }
        }
        return new Totals(sums, undefined, evaluations);
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

    /** Every metric of one parameter set on one symbol, into {@code out} in {@link #METRICS} order. */
    private static void simulate(double[] open, double[] close, double[] fast, double[] slow, double capital,
            double fee, double slip, double periodsPerYear, double[] out) {
        int n = close.length;
        double cash = capital;
        double units = 0;
        double entryPrice = 0;
        double entryFee = 0;
        int pending = 0; // +1 buy at the next open, -1 sell, 0 nothing
        double previous = capital;
        double sum = 0;
        double sumSquares = 0;
        double downside = 0;
        double peak = capital;
        double maxDrawdown = 0;
        long underwater = 0;
        long longestUnderwater = 0;
        long inMarket = 0;
        int trades = 0;
        int wins = 0;
        double grossProfit = 0;
        double grossLoss = 0;
        double fees = 0;
        double notional = 0;
        double equity = capital;
        for (int t = 0; t < n; t++) {
            if (pending == 1 && units == 0) {
                double fill = open[t] * (1 + slip);
                units = cash / (fill * (1 + fee));
                entryPrice = fill;
                entryFee = units * fill * fee;
                cash -= units * fill + entryFee;
                fees += entryFee;
                notional += units * fill;
            } else if (pending == -1 && units > 0) {
                double fill = open[t] * (1 - slip);
                double exitFee = units * fill * fee;
                cash += units * fill - exitFee;
                double pnl = units * (fill - entryPrice) - entryFee - exitFee;
                if (pnl > 0) {
                    grossProfit += pnl;
                    wins++;
                } else {
                    grossLoss -= pnl;
                }
                fees += exitFee;
                notional += units * fill;
                units = 0;
                trades++;
            }
            pending = 0;
            if (units > 0) {
                inMarket++;
            }
            equity = cash + units * close[t];
            if (t == n - 1 && units > 0) {
                double fill = close[t] * (1 - slip);
                double exitFee = units * fill * fee;
                cash += units * fill - exitFee;
                double pnl = units * (fill - entryPrice) - entryFee - exitFee;
                if (pnl > 0) {
                    grossProfit += pnl;
                    wins++;
                } else {
                    grossLoss -= pnl;
                }
                fees += exitFee;
                notional += units * fill;
                units = 0;
                trades++;
                equity = cash;
            }
            double r = equity / previous - 1;
            previous = equity;
            sum += r;
            sumSquares += r * r;
            downside += Math.min(r, 0) * Math.min(r, 0);
            if (equity >= peak) {
                peak = equity;
                underwater = 0;
            } else {
                maxDrawdown = Math.max(maxDrawdown, (peak - equity) / peak);
                underwater++;
                longestUnderwater = Math.max(longestUnderwater, underwater);
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
        double stdev = Math.sqrt((sumSquares - n * mean * mean) / (n - 1));
        double annualise = Math.sqrt(periodsPerYear);
        double cagr = Math.pow(equity / capital, periodsPerYear / n) - 1;
        double downsideDeviation = Math.sqrt(downside / n);
        out[0] = equity / capital - 1;
        out[1] = cagr;
        out[2] = stdev * annualise;
        out[3] = stdev == 0 ? Double.NaN : mean / stdev * annualise;
        out[4] = downsideDeviation == 0 ? Double.NaN : mean / downsideDeviation * annualise;
        out[5] = maxDrawdown == 0 ? Double.NaN : cagr / maxDrawdown;
        out[6] = maxDrawdown;
        out[7] = longestUnderwater;
        out[8] = trades == 0 ? Double.NaN : (double) wins / trades;
        out[9] = grossLoss == 0 ? Double.NaN : grossProfit / grossLoss;
        out[10] = trades == 0 ? Double.NaN : (grossProfit - grossLoss) / trades;
        out[11] = (double) inMarket / n;
        out[12] = trades;
        out[13] = notional / capital;
        out[14] = fees;
    }
}
