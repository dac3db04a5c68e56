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
 * The simulator against {@link PlainSmaCrossLoop}, on real and generated bars: driven by the loop's own
 * decisions, it must end with the same equity, trades, wins and drawdown.
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
        PlainSmaCrossLoop.Outcome expected = PlainSmaCrossLoop.run(s, 10, 50, 1_000_000, 5, 2);
        int[] decisions = PlainSmaCrossLoop.decisions(s, 10, 50);

        PositionSimulator account = new PositionSimulator(
                new ExecutionSettings(1_000_000, 5, 2, 1.0, Double.NaN, false, Double.NaN, Double.NaN, 252));
        for (int t = 0; t < s.size(); t++) {
            account.onBar(s.time[t], s.open[t], s.high[t], s.low[t], s.close[t]);
            if (decisions[t] != 0) {
                account.decide(decisions[t] == 1 ? PositionSimulator.LONG : PositionSimulator.FLAT);
            }
        }
        account.finish();
        PerformanceMetrics metrics = PerformanceMetrics.of(account);

        assertThat(expected.trades()).as("the series produces trades").isGreaterThan(1);
        assertThat(metrics.trades()).isEqualTo(expected.trades());
        assertThat(account.equity().get(s.size() - 1)).isCloseTo(expected.finalEquity(), within(expected.finalEquity() * 1e-9));
        assertThat(metrics.totalReturn()).isCloseTo(expected.finalEquity() / 1_000_000 - 1, within(1e-9));
        assertThat(metrics.winRate()).isCloseTo((double) expected.wins() / expected.trades(), within(1e-12));
        assertThat(metrics.maxDrawdown()).isCloseTo(expected.maxDrawdown(), within(1e-9));
    }
}
