package io.daytrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daytrade.indicators.OhlcvSeries;
import io.daytrade.indicators.SharedData;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class WalkForwardTest {

    private static final ExecutionSettings SETTINGS =
            new ExecutionSettings(100_000, 2, 1, 1.0, Double.NaN, true, Double.NaN, Double.NaN, 2190);
    private static final SweepPlan PLAN = SweepPlan.of("sma_cross", "fast=5..30:5,slow=20..120:20", 0, 0);

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void windowsStepThroughTheCalendar() {
        List<WalkForwardWindow> windows = WalkForwardWindow.of(at("2020-01-31T00:00:00Z"), at("2022-03-01T00:00:00Z"),
                Span.parse("1y"), Span.parse("6m"), Span.parse("6m"));
        assertThat(windows).containsExactly(
                new WalkForwardWindow(0, at("2020-01-31T00:00:00Z"), at("2021-01-31T00:00:00Z"), at("2021-07-31T00:00:00Z")),
                new WalkForwardWindow(1, at("2020-07-31T00:00:00Z"), at("2021-07-31T00:00:00Z"), at("2022-01-31T00:00:00Z")),
                new WalkForwardWindow(2, at("2021-01-31T00:00:00Z"), at("2022-01-31T00:00:00Z"), at("2022-07-31T00:00:00Z")));
        assertThat(Span.parse("1m").after(at("2021-01-31T00:00:00Z"))).isEqualTo(at("2021-02-28T00:00:00Z"));
        assertThat(Span.parse("90min").after(0)).isEqualTo(5_400_000);
        assertThatThrownBy(() -> Span.parse("6 months")).hasMessageContaining("6m (months)");
        assertThatThrownBy(() -> Span.parse("0d")).hasMessageContaining("not a span");
    }

    @Test
    void theChosenSetIsTheBestOnTheTrainSlice() throws IOException {
        OhlcvSeries s = OhlcvSeries.readBars(SharedData.real("BTC-USD-4h.csv"), null);
        BarHistory history = history(s);
        WalkForwardWindow window = WalkForwardWindow.of(s.time[0], s.time[s.size() - 1], Span.parse("1y"),
                Span.parse("3m"), Span.parse("3m")).get(2);
        WalkForward.Outcome outcome = WalkForward.step(history, backtests(history), SETTINGS, "sharpe", window, () -> {});

        double best = Double.NEGATIVE_INFINITY;
        int from = history.firstAtOrAfter(window.trainStart());
        int to = history.firstAtOrAfter(window.trainEnd());
        for (HistoryBacktest set : backtests(history)) {
            best = Math.max(best, PerformanceMetrics.of(set.run(history, SETTINGS, from, to)).sharpe());
        }
        assertThat(outcome.inSample().sharpe()).isEqualTo(best);
        assertThat(outcome.testBars()).isBetween(500, 560); // three months of 4h bars
        assertThat(outcome.outOfSample().times().get(0)).isGreaterThanOrEqualTo(window.trainEnd());
        assertThat(outcome.outOfSample().times().get(outcome.testBars() - 1)).isLessThan(window.testEnd());
    }

    @Test
    void nothingFromTheTestSliceReachesTheTrainSlice() throws IOException {
        OhlcvSeries s = OhlcvSeries.readBars(SharedData.real("BTC-USD-4h.csv"), null);
        WalkForwardWindow window = WalkForwardWindow.of(s.time[0], s.time[s.size() - 1], Span.parse("1y"),
                Span.parse("6m"), Span.parse("6m")).get(1);
        BarHistory history = history(s);
        WalkForward.Outcome outcome = WalkForward.step(history, backtests(history), SETTINGS, "sharpe", window, () -> {});

        // Every bar from the test slice on is replaced by a wild, different path.
        OhlcvSeries changed = OhlcvSeries.generated(99, s.size());
        double[] open = s.open.clone();
        double[] high = s.high.clone();
        double[] low = s.low.clone();
        double[] close = s.close.clone();
        int testFrom = history.firstAtOrAfter(window.trainEnd());
        for (int i = testFrom; i < s.size(); i++) {
            double scale = s.close[testFrom - 1] / changed.close[testFrom];
            open[i] = changed.open[i] * scale;
            high[i] = changed.high[i] * scale;
            low[i] = changed.low[i] * scale;
            close[i] = changed.close[i] * scale;
        }
        BarHistory altered = BarHistory.compute("BTC", s.time, open, high, low, close, s.volume, PLAN.indicators());
        WalkForward.Outcome again = WalkForward.step(altered, backtests(altered), SETTINGS, "sharpe", window, () -> {});

        assertThat(again.parameterSet()).isEqualTo(outcome.parameterSet());
        assertThat(again.inSample()).isEqualTo(outcome.inSample());
        assertThat(again.outOfSample().equity()).isNotEqualTo(outcome.outOfSample().equity());
    }

    private static BarHistory history(OhlcvSeries s) {
        return BarHistory.compute("BTC", s.time, s.open, s.high, s.low, s.close, s.volume, PLAN.indicators());
    }

    private static List<HistoryBacktest> backtests(BarHistory history) {
        return java.util.stream.IntStream.range(0, PLAN.parameterSets().length)
                .mapToObj(i -> new HistoryBacktest(PLAN.strategyAt(i), Arrays.asList(history.columns))).toList();
    }
}
