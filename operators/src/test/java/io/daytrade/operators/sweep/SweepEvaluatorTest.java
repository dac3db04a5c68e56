package io.daytrade.operators.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.daytrade.backtest.BarHistory;
import io.daytrade.backtest.ExecutionSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** How a sweep's histories become tasks, and the order they are dealt in. */
class SweepEvaluatorTest {

    private static final double[][] FIVE_SETS = {{2, 5}, {2, 8}, {3, 5}, {3, 8}, {4, 8}};

    @Test
    void eachSymbolsSetsAreSplitIntoChunksTakingEveryChunkThSet() {
        List<SweepTask> tasks = evaluator(2).split(history("A", 30));

        assertThat(tasks).extracting(SweepEvaluatorTest::sets).containsExactly("0,2,4", "1,3");
        assertThat(evaluator(9).split(history("A", 30))).as("no more tasks than sets").hasSize(5);
    }

    @Test
    void longerHistoriesAndLargerTasksAreDealtFirstThenBySymbolAndFirstSet() {
        SweepEvaluator evaluator = evaluator(2);
        List<SweepTask> tasks = new ArrayList<>();
        tasks.addAll(evaluator.split(history("B", 30)));
        tasks.addAll(evaluator.split(history("C", 40)));
        tasks.addAll(evaluator.split(history("A", 30)));
        tasks.sort(evaluator.dealingOrder());

        assertThat(tasks).extracting(task -> task.history.symbol + " " + sets(task))
                .containsExactly("C 0,2,4", "A 0,2,4", "B 0,2,4", "C 1,3", "A 1,3", "B 1,3");
    }

    private static SweepEvaluator evaluator(int chunks) {
        return new SweepEvaluator("sma_cross", List.of("fast", "slow"), FIVE_SETS, ExecutionSettings.defaults(252),
                chunks);
    }

    private static String sets(SweepTask task) {
        return IntStream.range(0, task.count).mapToObj(i -> String.valueOf(task.parameterSet(i)))
                .collect(Collectors.joining(","));
    }

    private static BarHistory history(String symbol, int n) {
        long[] times = new long[n];
        double[] prices = new double[n];
        double[] volumes = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = 1_700_006_400_000L + i * 86_400_000L;
            prices[i] = 100 + i % 7;
            volumes[i] = 1_000;
        }
        return BarHistory.compute(symbol, times, prices, prices, prices, prices, volumes, List.of());
    }
}
