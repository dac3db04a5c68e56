package io.daytrade.backtest;

import io.daytrade.indicators.OhlcvSeries;

/**
 * The reference every backtest is checked against: a 10/50-style SMA cross, long only, written as the
 * straightforward loop a quant would write, from the rules alone: decide at the close, fill at the next
 * open with slippage, fees on notional, all-in, close out at the last close.
 */
public final class PlainSmaCrossLoop {

    /** What the loop ends with. */
    public record Outcome(double finalEquity, int trades, int wins, double maxDrawdown, long firstEntryTime) {}

    private PlainSmaCrossLoop() {}

    public static Outcome run(OhlcvSeries s, int fastPeriod, int slowPeriod, double capital, double feeBps,
            double slippageBps) {
        int n = s.size();
        double fee = feeBps / 10_000.0;
        double slip = slippageBps / 10_000.0;
        int[] target = decisions(s, fastPeriod, slowPeriod);
        double cash = capital;
        double units = 0;
        double entryCost = 0;
        int trades = 0;
        int wins = 0;
        double peak = cash;
        double maxDrawdown = 0;
        long firstEntry = -1;
        for (int t = 0; t < n; t++) {
            if (t > 0 && target[t - 1] == 1 && units == 0) {
                double price = s.open[t] * (1 + slip);
                units = cash / (price * (1 + fee));
                entryCost = units * price * (1 + fee);
                cash -= entryCost;
                firstEntry = firstEntry < 0 ? s.time[t] : firstEntry;
            } else if (t > 0 && target[t - 1] == -1 && units > 0) {
                double proceeds = units * s.open[t] * (1 - slip) * (1 - fee);
                trades++;
                wins += proceeds > entryCost ? 1 : 0;
                cash += proceeds;
                units = 0;
            }
            double equity = cash + units * s.close[t];
            if (t == n - 1 && units > 0) {
                double proceeds = units * s.close[t] * (1 - slip) * (1 - fee);
                trades++;
                wins += proceeds > entryCost ? 1 : 0;
                cash += proceeds;
                units = 0;
                equity = cash;
            }
            peak = Math.max(peak, equity);
            maxDrawdown = Math.max(maxDrawdown, (peak - equity) / peak);
        }
        return new Outcome(cash, trades, wins, maxDrawdown, firstEntry);
    }

    /** The decisions alone: +1 buy, -1 sell, 0 nothing, at each bar's close. */
    public static int[] decisions(OhlcvSeries s, int fastPeriod, int slowPeriod) {
        int n = s.size();
        int[] target = new int[n];
        for (int t = slowPeriod; t < n; t++) {
            double fastNow = mean(s.close, t - fastPeriod + 1, t);
            double slowNow = mean(s.close, t - slowPeriod + 1, t);
            double fastBefore = mean(s.close, t - fastPeriod, t - 1);
            double slowBefore = mean(s.close, t - slowPeriod, t - 1);
            if (fastBefore <= slowBefore && fastNow > slowNow) {
                target[t] = 1;
            } else if (fastBefore >= slowBefore && fastNow < slowNow) {
                target[t] = -1;
            }
        }
        return target;
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i <= to; i++) {
            sum += values[i];
        }
        return sum / (to - from + 1);
    }
}
