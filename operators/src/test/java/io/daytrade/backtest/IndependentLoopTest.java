package io.daytrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.daytrade.indicators.OhlcvSeries;
import io.daytrade.indicators.SharedData;

import java.io.IOException;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The simulator against a straightforward loop written here from the stated rules, on real and generated
 * bars: a 10/50 SMA cross, long only, decided at the close and filled at the next open with 5 bps of fee
 * and 2 bps of slippage, closed at the last close.
 */
class IndependentLoopTest {

    static Stream<OhlcvSeries> series() throws IOException {
        return Stream.of(OhlcvSeries.readBars(SharedData.real("AAPL-daily.csv"), null),
                OhlcvSeries.readBars(SharedData.real("sectors-daily.csv"), "XLE"),
                OhlcvSeries.generated(17, 2_000));
    }

    @ParameterizedTest
    @MethodSource("series")
    void simulatorMatchesAPlainLoop(OhlcvSeries s) {
        int n = s.size();
        double fee = 5 / 10_000.0;
        double slip = 2 / 10_000.0;
        int[] target = new int[n]; // what the close of bar t asks for: 1 buy, -1 go flat, 0 nothing
        for (int t = 50; t < n; t++) {
            double fastNow = mean(s.close, t - 9, t);
            double slowNow = mean(s.close, t - 49, t);
            double fastBefore = mean(s.close, t - 10, t - 1);
            double slowBefore = t >= 50 ? mean(s.close, t - 50, t - 1) : Double.NaN;
            if (fastBefore <= slowBefore && fastNow > slowNow) {
                target[t] = 1;
            } else if (fastBefore >= slowBefore && fastNow < slowNow) {
                target[t] = -1;
            }
        }

        // The plain loop.
        double cash = 1_000_000;
        double units = 0;
        double entryCost = 0;
        int trades = 0;
        int wins = 0;
        double peak = cash;
        double maxDrawdown = 0;
        for (int t = 0; t < n; t++) {
            if (t > 0 && target[t - 1] == 1 && units == 0) {
                double price = s.open[t] * (1 + slip);
                units = cash / (price * (1 + fee));
                entryCost = units * price * (1 + fee);
                cash -= entryCost;
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

        // The simulator, driven by the same decisions.
        PositionSimulator account = new PositionSimulator(
                new ExecutionSettings(1_000_000, 5, 2, 1.0, Double.NaN, false, Double.NaN, Double.NaN, 252));
        for (int t = 0; t < n; t++) {
            account.onBar(s.time[t], s.open[t], s.high[t], s.low[t], s.close[t]);
            if (target[t] != 0) {
                account.decide(target[t] == 1 ? PositionSimulator.LONG : PositionSimulator.FLAT);
            }
        }
        account.finish();
        PerformanceMetrics metrics = PerformanceMetrics.of(account);

        assertThat(trades).as("the series produces trades").isGreaterThan(1);
        assertThat(metrics.trades()).isEqualTo(trades);
        assertThat(account.equity().get(n - 1)).isCloseTo(cash, within(cash * 1e-9));
        assertThat(metrics.totalReturn()).isCloseTo(cash / 1_000_000 - 1, within(1e-9));
        assertThat(metrics.winRate()).isCloseTo((double) wins / trades, within(1e-12));
        assertThat(metrics.maxDrawdown()).isCloseTo(maxDrawdown, within(1e-9));
    }

    private static double mean(double[] values, int from, int to) {
        if (from < 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = from; i <= to; i++) {
            sum += values[i];
        }
        return sum / (to - from + 1);
    }
}
