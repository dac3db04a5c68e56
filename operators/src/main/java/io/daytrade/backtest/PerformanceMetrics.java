package io.daytrade.backtest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one backtest, with the definitions the README states:
 * <ul>
 *   <li>per-bar return r[t] = equity[t] / equity[t-1] - 1 over all bars, equity[-1] being the capital;</li>
 *   <li>sharpe = mean(r) / sample-stddev(r) * sqrt(periods per year), risk-free rate 0;
 *       sortino = mean(r) / sqrt(mean(min(r, 0)^2)) * sqrt(periods per year);</li>
 *   <li>volatility = sample-stddev(r) * sqrt(periods per year); cagr = (final / capital)^(periods per
 *       year / bars) - 1; calmar = cagr / max_drawdown;</li>
 *   <li>max_drawdown = the largest fall from a running peak of the close-marked equity, as a positive
 *       fraction of that peak; max_drawdown_duration = the most bars spent below a running peak;</li>
 *   <li>win_rate = winning trades / trades; profit_factor = gross profit / gross loss; expectancy =
 *       mean profit per trade; exposure = fraction of bars ending in a position; turnover = traded
 *       notional / capital; trades = closed round trips; fees_paid = all fees.</li>
 * </ul>
 * A ratio with a zero denominator is NaN (written as null in JSON), never a made-up number.
 */
public record PerformanceMetrics(double totalReturn, double cagr, double volatility, double sharpe, double sortino,
        double calmar, double maxDrawdown, long maxDrawdownDuration, double winRate, double profitFactor,
        double expectancy, double exposure, long trades, double turnover, double feesPaid) {

    private static final List<String> NAMES =
            List.copyOf(new PerformanceMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).asMap().keySet());

    /** The metric names, as report.json and results.csv write them, in their order. */
    public static List<String> names() {
        return NAMES;
    }

    /** True for the metrics that count (bars, trades) rather than measure. */
    public static boolean isCount(String name) {
        return name.equals("max_drawdown_duration") || name.equals("trades");
    }

    /** True for the metrics where less is better (risk and cost), so a ranking sorts them ascending. */
    public static boolean lowerIsBetter(String name) {
        return List.of("volatility", "max_drawdown", "max_drawdown_duration", "turnover", "fees_paid").contains(name);
    }

    public static PerformanceMetrics of(PositionSimulator account) {
        // The account's own buffer, not a copy: a sweep computes this for millions of accounts.
        return of(account.settings().capital(), account.settings().periodsPerYear(),
                account.equityBuffer(), account.marks(),
                account.trades().stream().mapToDouble(Trade::pnl).toArray(),
                account.exposure(), account.tradedNotional(), account.feesPaid());
    }

    /**
     * As {@link #of(PositionSimulator)}, for an account read for its metrics only: its equity curve is
     * overwritten by the per-bar returns in the first pass, which the second pass reads instead of
     * dividing them out again, so the same numbers come from fewer bytes and divisions (a sweep is bound
     * by memory traffic). The account's curve must not be read afterwards.
     */
    public static PerformanceMetrics consuming(PositionSimulator account) {
        double[] equity = account.equityBuffer();
        return of(account.settings().capital(), account.settings().periodsPerYear(), equity, account.marks(),
                equity, account.trades().stream().mapToDouble(Trade::pnl).toArray(),
                account.exposure(), account.tradedNotional(), account.feesPaid());
    }

    /**
     * From an equity curve marked to each close and the trades' profits: for one symbol, or for several
     * added up (then {@code capital} is their total).
     */
    public static PerformanceMetrics of(double capital, double periodsPerYear, double[] equity, double[] tradePnl,
            double exposure, double tradedNotional, double feesPaid) {
        return of(capital, periodsPerYear, equity, equity.length, tradePnl, exposure, tradedNotional, feesPaid);
    }

    /**
     * As above, over the first {@code n} marks of {@code equity}, in two passes (the returns are
     * recomputed in the second, not stored): a sweep computes this for millions of accounts.
     */
    static PerformanceMetrics of(double capital, double periodsPerYear, double[] equity, int n, double[] tradePnl,
            double exposure, double tradedNotional, double feesPaid) {
        return of(capital, periodsPerYear, equity, n, null, tradePnl, exposure, tradedNotional, feesPaid);
    }

    /**
     * @param returns null, or room for {@code n} returns, written in the first pass and read in the
     *     second; it may be {@code equity} itself (each mark is read before its return is written over it)
     */
    private static PerformanceMetrics of(double capital, double periodsPerYear, double[] equity, int n,
            double[] returns, double[] tradePnl, double exposure, double tradedNotional, double feesPaid) {
        double finalEquity = n == 0 ? capital : equity[n - 1]; // before the returns may be written over it
        double mean = 0;
        double previous = capital;
        // The deepest drawdown of each spell under a peak is at the spell's lowest equity (peaks are
        // positive and rounding is monotone), so it is divided out once per spell, not at every bar.
        double peak = capital;
        double trough = capital;
        double maxDrawdown = 0;
        long underwater = 0;
        long longestUnderwater = 0;
        boolean undefined = false;
        for (int t = 0; t < n; t++) {
            double value = equity[t];
            double r = value / previous - 1;
            if (returns != null) {
                returns[t] = r;
            }
            mean += r;
            previous = value;
            if (value >= peak) {
                maxDrawdown = Math.max(maxDrawdown, (peak - trough) / peak);
                peak = value;
                trough = value;
                underwater = 0;
            } else {
                undefined |= value != value;
                trough = Math.min(trough, value);
                underwater++;
                longestUnderwater = Math.max(longestUnderwater, underwater);
            }
        }
        maxDrawdown = undefined ? Double.NaN : Math.max(maxDrawdown, (peak - trough) / peak);
        mean = n == 0 ? Double.NaN : mean / n;
        double squares = 0;
        double downside = 0;
        previous = capital;
        if (returns != null) {
            for (int t = 0; t < n; t++) {
                double r = returns[t];
                squares += (r - mean) * (r - mean);
                downside += Math.min(r, 0) * Math.min(r, 0);
            }
        } else {
            for (int t = 0; t < n; t++) {
                double r = equity[t] / previous - 1;
                previous = equity[t];
                squares += (r - mean) * (r - mean);
                downside += Math.min(r, 0) * Math.min(r, 0);
            }
        }
        double stdev = n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1));
        double downsideDeviation = n == 0 ? Double.NaN : Math.sqrt(downside / n);
        double annualise = Math.sqrt(periodsPerYear);

        double totalReturn = finalEquity / capital - 1;
        double cagr = n == 0 ? Double.NaN : Math.pow(finalEquity / capital, periodsPerYear / n) - 1;

        double grossProfit = 0;
        double grossLoss = 0;
        long wins = 0;
        for (double pnl : tradePnl) {
            if (pnl > 0) {
                grossProfit += pnl;
                wins++;
            } else {
                grossLoss -= pnl;
            }
        }
        int trades = tradePnl.length;
        return new PerformanceMetrics(
                totalReturn,
                cagr,
                stdev * annualise,
                ratio(mean, stdev) * annualise,
                ratio(mean, downsideDeviation) * annualise,
                ratio(cagr, maxDrawdown),
                maxDrawdown,
                longestUnderwater,
                trades == 0 ? Double.NaN : (double) wins / trades,
                ratio(grossProfit, grossLoss),
                trades == 0 ? Double.NaN : (grossProfit - grossLoss) / trades,
                exposure,
                trades,
                tradedNotional / capital,
                feesPaid);
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 || Double.isNaN(denominator) ? Double.NaN : numerator / denominator;
    }

    /** The metrics as numbers, in {@link #names()} order. */
    public double[] values() {
        return asMap().values().stream().mapToDouble(Number::doubleValue).toArray();
    }

    /** The metric called {@code name}. */
    public double value(String name) {
        return values()[NAMES.indexOf(name)];
    }

    /** The metrics under the names report.json uses, in a fixed order. */
    public Map<String, Number> asMap() {
        Map<String, Number> map = new LinkedHashMap<>();
        map.put("total_return", totalReturn);
        map.put("cagr", cagr);
        map.put("volatility", volatility);
        map.put("sharpe", sharpe);
        map.put("sortino", sortino);
        map.put("calmar", calmar);
        map.put("max_drawdown", maxDrawdown);
        map.put("max_drawdown_duration", maxDrawdownDuration);
        map.put("win_rate", winRate);
        map.put("profit_factor", profitFactor);
        map.put("expectancy", expectancy);
        map.put("exposure", exposure);
        map.put("trades", trades);
        map.put("turnover", turnover);
        map.put("fees_paid", feesPaid);
        return map;
    }
}
