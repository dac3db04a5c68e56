package io.daytrade.operators.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.daytrade.backtest.BarHistory;
import io.daytrade.backtest.ExecutionSettings;
import io.daytrade.backtest.Span;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How a walk-forward's histories become tasks, and the order they are dealt in. */
class WalkForwardEvaluatorTest {

    private static final long DAY = 86_400_000L;

    private final WalkForwardEvaluator evaluator = new WalkForwardEvaluator("sma_cross", List.of("fast", "slow"),
            new double[][] {{2, 5}, {3, 8}}, ExecutionSettings.defaults(252), "sharpe", Span.parse("20d"),
            Span.parse("10d"), Span.parse("10d"));

    @Test
    void eachHistoryIsCutIntoItsWindows() {
        List<WalkForwardTask> tasks = evaluator.split(history("A", 70));

        assertThat(tasks).extracting(task -> task.window().index()).containsExactly(0, 1, 2, 3, 4);
        assertThat(tasks).extracting(WalkForwardEvaluator::barsSpanned).containsOnly(30);
        assertThat(tasks.get(1).window().trainStart()).isEqualTo(tasks.get(0).window().trainStart() + 10 * DAY);
        assertThat(evaluator.split(history("E", 0))).isEmpty();
    }

    @Test
    void windowsSpanningMoreBarsAreDealtFirstThenBySymbolAndWindow() {
        List<WalkForwardTask> tasks = new ArrayList<>();
        tasks.addAll(evaluator.split(history("B", 70)));
        tasks.addAll(evaluator.split(gappy("A", 70))); // every other day missing: windows of 15 bars
        tasks.addAll(evaluator.split(history("C", 40)));
        tasks.sort(evaluator.dealingOrder());

        assertThat(tasks).extracting(
                task -> task.history().symbol + task.window().index() + ":" + WalkForwardEvaluator.barsSpanned(task))
                .containsExactly("B0:30", "B1:30", "B2:30", "B3:30", "B4:30", "C0:30", "C1:30",
                        "A0:15", "A1:15", "A2:15", "A3:15", "A4:15");
    }

    /** Daily bars. */
    private static BarHistory history(String symbol, int n) {
        return bars(symbol, n, 1);
    }

    /** Bars on every other day, over as many days as {@code history(symbol, days)}. */
    private static BarHistory gappy(String symbol, int days) {
        return bars(symbol, days / 2, 2);
    }

    private static BarHistory bars(String symbol, int n, int everyDays) {
        long[] times = new long[n];
        double[] prices = new double[n];
        double[] volumes = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = 1_700_006_400_000L + (long) i * everyDays * DAY;
            prices[i] = 100 + i % 7;
            volumes[i] = 1_000;
        }
        return BarHistory.compute(symbol, times, prices, prices, prices, prices, volumes, List.of());
    }
}
