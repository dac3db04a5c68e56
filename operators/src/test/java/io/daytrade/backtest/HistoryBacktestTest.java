package io.daytrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.indicators.OhlcvSeries;
import io.daytrade.indicators.SharedData;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class HistoryBacktestTest {

    private static final ExecutionSettings COSTS =
            new ExecutionSettings(1_000_000, 5, 2, 1.0, Double.NaN, false, Double.NaN, Double.NaN, 252);

    private static BarHistory history(OhlcvSeries s, String specs) {
        return BarHistory.compute("AAPL", s.time, s.open, s.high, s.low, s.close, s.volume,
                IndicatorSpec.parseList(specs));
    }

    @Test
    void smaCrossMakesThePlainLoopsDecisions() throws IOException {
        OhlcvSeries s = OhlcvSeries.readBars(SharedData.real("AAPL-daily.csv"), null);
        BarHistory history = history(s, "sma(5),sma(10),sma(20),sma(50),sma(100)");

        PositionSimulator account = new HistoryBacktest(Strategy.parse("sma_cross(fast=10,slow=50)"),
                Arrays.asList(history.columns)).run(history, COSTS);

        PlainSmaCrossLoop.Outcome expected = PlainSmaCrossLoop.run(s, 10, 50, 1_000_000, 5, 2);
        assertThat(expected.trades()).isGreaterThan(1);
        assertThat(account.trades()).hasSize(expected.trades());
        assertThat(account.trades().get(0).entryTime()).isEqualTo(expected.firstEntryTime());
        assertThat(account.equity().get(s.size() - 1)).isEqualTo(expected.finalEquity(),
                org.assertj.core.data.Offset.offset(expected.finalEquity() * 1e-9));
    }

    @Test
    void columnsOfOtherStrategiesChangeNothing() throws IOException {
        OhlcvSeries s = OhlcvSeries.readBars(SharedData.real("sectors-daily.csv"), "XLE");
        Strategy strategy = Strategy.parse("rsi_reversion(n=14,low=30,high=70)");
        BarHistory alone = history(s, "rsi(14)");
        BarHistory shared = history(s, "sma(3),rsi(7),bbands(20,2),rsi(14),ema(9)");

        PerformanceMetrics a = PerformanceMetrics.of(
                new HistoryBacktest(strategy, Arrays.asList(alone.columns)).run(alone, COSTS));
        PerformanceMetrics b = PerformanceMetrics.of(
                new HistoryBacktest(strategy, Arrays.asList(shared.columns)).run(shared, COSTS));

        assertThat(a.trades()).isGreaterThan(0);
        assertThat(b).isEqualTo(a);
    }

    @Test
    void accountsMarkingIntoTheBuffersOfFinishedOnesGiveTheSameMetricsAndCurves() throws IOException {
        OhlcvSeries s = OhlcvSeries.readBars(SharedData.real("AAPL-daily.csv"), null);
        BarHistory history = history(s, "sma(5),sma(10),sma(20),sma(50),sma(100)");
        PositionSimulator done = null;
        BacktestBuffers buffers = new BacktestBuffers();
        for (String chosen : List.of("sma_cross(fast=10,slow=50)", "sma_cross(fast=5,slow=100)",
                "sma_cross(fast=20,slow=50)")) {
            HistoryBacktest backtest = new HistoryBacktest(Strategy.parse(chosen), Arrays.asList(history.columns));
            PositionSimulator fresh = backtest.run(history, COSTS);
            PositionSimulator reusing = backtest.run(history, COSTS, done, buffers);
            assertThat(PerformanceMetrics.of(reusing)).as(chosen).isEqualTo(PerformanceMetrics.of(fresh));
            assertThat(reusing.equityArray()).isEqualTo(fresh.equityArray());
            assertThat(reusing.timesArray()).isEqualTo(fresh.timesArray());
            assertThat(fresh.trades()).isNotEmpty();
            done = reusing;
        }
    }

    @Test
    void aMissingColumnIsNamed() {
        assertThatThrownBy(() -> new HistoryBacktest(Strategy.parse("sma_cross(fast=5,slow=20)"), List.of("sma_5")))
                .hasMessageContaining("sma_20");
    }

    @Test
    void withParametersSetsTheGridsValuesOnTopOfTheSpec() {
        Strategy strategy = Strategy.withParameters("sma_cross(slow=100)", List.of("fast"), new double[] {15});
        assertThat(strategy.name()).isEqualTo("sma_cross(fast=15,slow=100)");
        assertThat(Strategy.parameterNames("bbands_breakout")).containsExactly("n", "k");
        assertThatThrownBy(() -> Strategy.withParameters("sma_cross", List.of("fast", "slow"), new double[] {50, 20}))
                .hasMessageContaining("must be below");
    }
}
