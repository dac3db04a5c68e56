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
        CurveStatistics statistics = account.statistics() != null ? account.statistics()
                : folded(account.settings().capital(), account.equityBuffer(), account.marks()); // its own buffer
        return statistics.finish(account.settings().periodsPerYear(), account.tally(), account.exposure(),
                account.tradedNotional(), account.feesPaid());
    }

    /**
     * From an equity curve marked to each close and the trades' profits: for one symbol, or for several
     * added up (then {@code capital} is their total).
     */
    public static PerformanceMetrics of(double capital, double periodsPerYear, double[] equity, double[] tradePnl,
            double exposure, double tradedNotional, double feesPaid) {
        return of(capital, periodsPerYear, equity, equity.length, tradePnl, exposure, tradedNotional, feesPaid);
    }

    /** As above, over the first {@code n} marks of {@code equity}. */
    static PerformanceMetrics of(double capital, double periodsPerYear, double[] equity, int n, double[] tradePnl,
            double exposure, double tradedNotional, double feesPaid) {
        return folded(capital, equity, n).finish(periodsPerYear, TradeTally.of(tradePnl), exposure, tradedNotional,
                feesPaid);
    }

    private static CurveStatistics folded(double capital, double[] equity, int n) {
        CurveStatistics statistics = new CurveStatistics(capital);
        for (int t = 0; t < n; t++) {
            statistics.add(equity[t]);
        }
        return statistics;
    }

    /**
     * The metrics from a curve's figures ({@link CurveStatistics}) and the trades' ({@link TradeTally}).
     *
     * @param n the curve's marks
     * @param mean the mean per-bar return, {@code stdev} its sample deviation, {@code downsideDeviation}
     *     the root mean square of its negative part
     */
    static PerformanceMetrics from(double capital, double periodsPerYear, int n, double finalEquity, double mean,
            double stdev, double downsideDeviation, double maxDrawdown, long longestUnderwater, TradeTally tally,
            double exposure, double tradedNotional, double feesPaid) {
        double annualise = Math.sqrt(periodsPerYear);
        double totalReturn = finalEquity / capital - 1;
        double cagr = n == 0 ? Double.NaN : Math.pow(finalEquity / capital, periodsPerYear / n) - 1;

        double grossProfit = tally.grossProfit();
        double grossLoss = tally.grossLoss();
        long trades = tally.trades();
        return new PerformanceMetrics(
                totalReturn,
                cagr,
                stdev * annualise,
                ratio(mean, stdev) * annualise,
                ratio(mean, downsideDeviation) * annualise,
                ratio(cagr, maxDrawdown),
                maxDrawdown,
                longestUnderwater,
                trades == 0 ? Double.NaN : (double) tally.wins() / trades,
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

    /**
     * The metrics as numbers, in {@link #names()} order: {@link #asMap()}'s values without the map, which a
     * sweep would build, box and stream for each of its hundreds of thousands of rows.
     */
    public double[] values() {
        return new double[] {totalReturn, cagr, volatility, sharpe, sortino, calmar, maxDrawdown, maxDrawdownDuration,
            winRate, profitFactor, expectancy, exposure, trades, turnover, feesPaid};
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
