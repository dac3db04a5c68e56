package io.daytrade.operators.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.daytrade.backtest.BarHistory;
import io.daytrade.backtest.Span;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.flink.streaming.api.operators.StreamFlatMap;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The fan-out numbers its tasks in the order they leave, from its subtask's index on, so that numbers
 * modulo the parallelism deal windows to the evaluators in turn across symbols: with five windows a
 * symbol, a window's own index gave one of two subtasks three windows of every symbol and the other two.
 */
class WalkForwardFanOutTest {

    private static final long DAY = 86_400_000L;

    @Test
    void windowsOfEverySymbolAreDealtToTheSubtasksInTurn() throws Exception {
        List<WalkForwardTask> tasks = fanOut(1, 2, history("A"), history("B"));

        assertThat(tasks).extracting(task -> task.history.symbol + task.window)
                .containsExactly("A0", "A1", "A2", "A3", "A4", "B0", "B1", "B2", "B3", "B4");
        assertThat(tasks).extracting(task -> task.number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        Map<Integer, Long> perSubtask = tasks.stream()
                .collect(Collectors.groupingBy(task -> Math.floorMod(task.number, 2), Collectors.counting()));
        assertThat(perSubtask).containsExactlyInAnyOrderEntriesOf(Map.of(0, 5L, 1, 5L));
    }

    @Test
    void theFirstSubtaskNumbersFromZero() throws Exception {
        assertThat(fanOut(0, 2, history("A"))).extracting(task -> task.number).containsExactly(0, 1, 2, 3, 4);
    }

    private static List<WalkForwardTask> fanOut(int subtask, int parallelism, BarHistory... histories)
            throws Exception {
        WalkForwardFanOut fanOut = new WalkForwardFanOut(Span.parse("20d"), Span.parse("10d"), Span.parse("10d"), 3);
        try (OneInputStreamOperatorTestHarness<BarHistory, WalkForwardTask> harness =
                new OneInputStreamOperatorTestHarness<>(new StreamFlatMap<>(fanOut), 128, parallelism, subtask)) {
            harness.open();
            for (BarHistory history : histories) {
                harness.processElement(history, 0);
            }
            return harness.extractOutputValues();
        }
    }

    /** 70 daily bars: five windows of 20 days' training and 10 days' test, 10 days apart. */
    private static BarHistory history(String symbol) {
        int n = 70;
        long[] times = new long[n];
        double[] prices = new double[n];
        double[] volumes = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = 1_700_006_400_000L + i * DAY;
            prices[i] = 100 + i % 7;
            volumes[i] = 1_000;
        }
        return BarHistory.compute(symbol, times, prices, prices, prices, prices, volumes, List.of());
    }
}
