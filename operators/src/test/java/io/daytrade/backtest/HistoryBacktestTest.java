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
    void accountsReadForTheirMetricsOnlyGiveTheMetricsOfTheirCurves() throws IOException {
        OhlcvSeries s = OhlcvSeries.readBars(SharedData.real("AAPL-daily.csv"), null);
        BarHistory history = history(s, "sma(5),sma(10),sma(20),sma(50),sma(100)");
        BacktestBuffers buffers = new BacktestBuffers();
        for (String chosen : List.of("sma_cross(fast=10,slow=50)", "sma_cross(fast=5,slow=100)",
                "sma_cross(fast=20,slow=50)")) {
            HistoryBacktest backtest = new HistoryBacktest(Strategy.parse(chosen), Arrays.asList(history.columns));
            PositionSimulator fresh = backtest.run(history, COSTS);
            PositionSimulator metricsOnly = backtest.runForMetrics(history, COSTS, buffers);
            PerformanceMetrics expected = PerformanceMetrics.of(fresh);
            assertThat(PerformanceMetrics.of(metricsOnly)).as(chosen).isEqualTo(expected);
            assertThat(PerformanceMetrics.of(metricsOnly)).as("read twice").isEqualTo(expected);
            assertThatThrownBy(metricsOnly::timesArray).hasMessageContaining("metrics only");
            assertThatThrownBy(metricsOnly::equityArray).hasMessageContaining("metrics only");
            assertThatThrownBy(metricsOnly::trades).hasMessageContaining("metrics only");
            assertThat(fresh.timesArray()).hasSize(history.bars());
            assertThat(fresh.trades()).isNotEmpty();
        }
    }

    /**
     * The backtest, which evaluates each condition over the whole history at once, against the row-at-a-time loop it replaced: the strategy's row built at
     * each deciding bar, its rules evaluated with their memory, every fired rule handed to the account.
     * Every built-in strategy, bars that repeat a time, windows that start late, and
     * settings with shorting and stops, so that positions and trades differ from strategy to strategy.
     * One set of buffers serves every history and window, as a sweep task's backtests share theirs.
     */
    @Test
    void conditionsOverTheWholeHistoryMakeTheDecisionsOfARowAtATime() {
        OhlcvSeries s = OhlcvSeries.generated(21, 5_000);
        long[] someRepeated = s.time.clone();
        for (int i = 1; i < someRepeated.length; i += 97) {
            someRepeated[i] = someRepeated[i - 1]; // a repeated time: trades, but the rules skip it
        }
        ExecutionSettings shortsAndStops =
                new ExecutionSettings(1_000_000, 5, 2, 0.5, Double.NaN, true, 0.03, 0.08, 252);
        // Without stops the account walks from one firing to the next (PositionSimulator.holdThrough).
        ExecutionSettings shorts = new ExecutionSettings(1_000_000, 5, 2, 0.5, Double.NaN, true, Double.NaN, Double.NaN, 252);
        BacktestBuffers buffers = new BacktestBuffers();
        for (String name : Strategy.builtInNames()) {
            Strategy strategy = Strategy.parse(name);
            for (long[] times : List.of(s.time, someRepeated)) {
                BarHistory history = BarHistory.compute("AAPL", times, s.open, s.high, s.low, s.close, s.volume,
                        strategy.indicators(), i -> { });
                for (ExecutionSettings settings : List.of(COSTS, shortsAndStops, shorts)) {
                    for (int[] window : new int[][] {{0, history.bars()}, {700, 2_500}, {1, 1_030}}) {
                        assertSameAsRowAtATime(strategy, history, settings, window, buffers);
                    }
                }
            }
        }
    }

    private static void assertSameAsRowAtATime(Strategy strategy, BarHistory history, ExecutionSettings settings,
            int[] window, BacktestBuffers buffers) {
        HistoryBacktest backtest = new HistoryBacktest(strategy, Arrays.asList(history.columns));
        PositionSimulator columns = backtest.run(history, settings, window[0], window[1]);
        PositionSimulator rows = rowAtATime(strategy, history, settings, window[0], window[1]);
        String what = strategy.name() + " " + Arrays.toString(window);
        assertThat(rows.trades()).as(what).isNotEmpty();
        assertThat(columns.trades()).as(what).isEqualTo(rows.trades());
        assertThat(columns.equityArray()).as(what).isEqualTo(rows.equityArray());
        assertThat(columns.timesArray()).as(what).isEqualTo(rows.timesArray());
        assertThat(columns.exposure()).as(what).isEqualTo(rows.exposure());
        assertThat(columns.feesPaid()).as(what).isEqualTo(rows.feesPaid());
        // A sweep's account folds its marks as they come (flat runs at once) instead of keeping the curve.
        PositionSimulator metricsOnly = backtest.runForMetrics(history, settings, window[0], window[1], buffers);
        assertThat(PerformanceMetrics.of(metricsOnly)).as(what).isEqualTo(PerformanceMetrics.of(rows));
    }

    private static PositionSimulator rowAtATime(Strategy strategy, BarHistory history, ExecutionSettings settings,
            int from, int to) {
        List<String> layout = new java.util.ArrayList<>(List.of("close"));
        strategy.indicators().forEach(spec -> layout.addAll(spec.columns()));
        io.daytrade.signals.SignalRules rules = io.daytrade.signals.SignalRules.compile(strategy.rules(), layout);
        io.daytrade.signals.RuleMemory memory = rules.newMemory();
        PositionSimulator account = new PositionSimulator(settings);
        double[] row = new double[layout.size()];
        for (int i = from; i < to; i++) {
            account.onBar(history.times[i], history.open[i], history.high[i], history.low[i], history.close[i]);
            if (!history.decides[i]) {
                continue;
            }
            row[0] = history.close[i];
            for (int c = 1; c < row.length; c++) {
                row[c] = history.value(history.column(layout.get(c)), i);
            }
            for (io.daytrade.signals.SignalRules.Fired fired : rules.evaluate(row, memory)) {
                account.decide(switch (fired.rule().side()) {
                    case BUY -> PositionSimulator.LONG;
                    case SELL -> PositionSimulator.SHORT;
                    case FLAT -> PositionSimulator.FLAT;
                });
            }
        }
        account.finish();
        return account;
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
