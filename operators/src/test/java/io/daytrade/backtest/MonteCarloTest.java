package io.daytrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MonteCarloTest {

    private static final double[] TRADES = {0.10, -0.05, 0.02, -0.01};

    @Test
    void theOriginalIsComputedByHand() {
        MonteCarlo.Path original = new MonteCarlo(MonteCarlo.Method.TRADES, TRADES, 0, 1000, 4, 1).original();
        // 1000 -> 1100 -> 1045 -> 1065.9 -> 1055.241; the peak 1100 falls to 1045: 5%.
        assertThat(original.finalEquity()).isCloseTo(1055.241, within(1e-9));
        assertThat(original.maxDrawdown()).isCloseTo(0.05, within(1e-12));
        double mean = 0.015;
        double sd = Math.sqrt((0.085 * 0.085 + 0.065 * 0.065 + 0.005 * 0.005 + 0.025 * 0.025) / 3);
        assertThat(original.sharpe()).isCloseTo(mean / sd * 2, within(1e-12));
    }

    @Test
    void aPathDependsOnTheSeedAndItsIndexOnly() {
        MonteCarlo a = new MonteCarlo(MonteCarlo.Method.TRADES, TRADES, 0, 1000, 4, 7);
        MonteCarlo b = new MonteCarlo(MonteCarlo.Method.TRADES, TRADES, 0, 1000, 4, 7);
        assertThat(a.path(123)).isEqualTo(b.path(123));
        assertThat(a.path(5)).isEqualTo(b.path(5));
        assertThat(new MonteCarlo(MonteCarlo.Method.TRADES, TRADES, 0, 1000, 4, 8).path(5)).isNotEqualTo(a.path(5));
        long distinct = java.util.stream.LongStream.range(0, 200).mapToObj(a::path).distinct().count();
        assertThat(distinct).isGreaterThan(100);
    }

    @Test
    void blocksKeepRunsOfConsecutiveReturns() {
        double[] bars = new double[100];
        for (int i = 0; i < bars.length; i++) {
            bars[i] = i * 1e-4; // each value says where it came from
        }
        MonteCarlo blocks = new MonteCarlo(MonteCarlo.Method.BLOCKS, bars, 100, 1, 252, 3);
        // One block of the whole length can only be the original order.
        assertThat(blocks.path(0)).isEqualTo(blocks.original());
        assertThatThrownBy(() -> new MonteCarlo(MonteCarlo.Method.BLOCKS, bars, 101, 1, 252, 3))
                .hasMessageContaining("--block must be between 1 and the 100 bars");
        assertThatThrownBy(() -> new MonteCarlo(MonteCarlo.Method.TRADES, new double[0], 0, 1, 252, 3))
                .hasMessageContaining("no trades");
    }

    @Test
    void percentilesInterpolateBetweenRanks() {
        double[] values = {4, Double.NaN, 1, 3, 2, 5};
        assertThat(MonteCarlo.percentile(values, 0)).isEqualTo(1);
        assertThat(MonteCarlo.percentile(values, 50)).isEqualTo(3);
        assertThat(MonteCarlo.percentile(values, 25)).isEqualTo(2);
        assertThat(MonteCarlo.percentile(values, 95)).isCloseTo(4.8, within(1e-12));
        assertThat(MonteCarlo.percentile(new double[] {Double.NaN}, 50)).isNaN();
    }
}
