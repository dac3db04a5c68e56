package io.daytrade.operators.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.daytrade.backtest.BarHistory;
import io.daytrade.backtest.ExecutionSettings;
import io.daytrade.indicators.IndicatorSpec;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Equal histories received by different subtasks become one; any difference keeps them apart. */
class SharedHistoriesTest {

    @Test
    void anEqualHistoryIsSwappedForTheOneAlreadyHeld() {
        BarHistory first = history("SH-A", 30, 0);
        BarHistory copy = history("SH-A", 30, 0);

        assertThat(copy).isNotSameAs(first);
        assertThat(SharedHistories.share(first)).isSameAs(first);
        assertThat(SharedHistories.share(copy)).isSameAs(first);
    }

    @Test
    void historiesThatDifferInAnyValueAreKeptApart() {
        BarHistory held = SharedHistories.share(history("SH-B", 30, 0));
        BarHistory otherPrice = history("SH-B", 30, 0);
        otherPrice.close[29] = Math.nextUp(otherPrice.close[29]);
        BarHistory otherLength = history("SH-B", 31, 0);
        BarHistory otherSymbol = history("SH-C", 30, 0);
        BarHistory otherTimes = history("SH-B", 30, 1);
        BarHistory otherColumns = history("SH-B", 30, 0).withIndicators(List.of(IndicatorSpec.parse("sma(5)")));

        for (BarHistory other : List.of(otherPrice, otherLength, otherSymbol, otherTimes, otherColumns)) {
            assertThat(SharedHistories.share(other)).as(other.symbol + " " + other.bars()).isSameAs(other).isNotSameAs(held);
        }
        assertThat(SharedHistories.share(history("SH-B", 30, 0))).isSameAs(held);
    }

    @Test
    void splittingTwoCopiesOfAHistoryGivesTasksOfTheSameOne() {
        SweepEvaluator evaluator = new SweepEvaluator("sma_cross", List.of("fast", "slow"), new double[][] {{2, 5}, {3, 8}},
                ExecutionSettings.defaults(252), 2);
        List<SweepTask> one = evaluator.split(history("SH-D", 30, 0));
        List<SweepTask> other = evaluator.split(history("SH-D", 30, 0));

        assertThat(other.get(0).history).isSameAs(one.get(0).history);
        assertThat(other.get(1).history).isSameAs(one.get(0).history);
    }

    private static BarHistory history(String symbol, int n, long shift) {
        long[] times = new long[n];
        double[] prices = new double[n];
        double[] volumes = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = 1_700_006_400_000L + i * 86_400_000L + shift;
            prices[i] = 100 + i % 7;
            volumes[i] = 1_000;
        }
        return BarHistory.compute(symbol, times, prices, prices, prices, prices, volumes, List.of());
    }
}
