package io.daytrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The drawdown figures, found once per spell under a peak, are bit for bit those of their definition
 * taken at every bar: the deepest {@code (peak - equity) / peak} and the longest run of bars under a peak.
 */
class PerformanceMetricsTest {

    @Test
    void drawdownEqualsItsPerBarDefinition() {
        Random random = new Random(17);
        for (int curve = 0; curve < 200; curve++) {
            int n = 1 + random.nextInt(3_000);
            double[] equity = new double[n];
            double value = 100_000;
            double volatility = 0.001 + random.nextDouble() * 0.03;
            for (int t = 0; t < n; t++) {
                // Flat stretches and exact returns to an earlier peak happen in real curves (a flat account).
                value = random.nextInt(10) == 0 ? value : value * (1 + random.nextGaussian() * volatility);
                equity[t] = value;
            }
            PerformanceMetrics metrics = PerformanceMetrics.of(100_000, 252, equity, n, new double[0], 0, 0, 0);
            double[] expected = perBarDrawdown(100_000, equity);
            assertThat(Double.doubleToRawLongBits(metrics.maxDrawdown())).as("curve %d", curve)
                    .isEqualTo(Double.doubleToRawLongBits(expected[0]));
            assertThat(metrics.maxDrawdownDuration()).as("curve %d", curve).isEqualTo((long) expected[1]);
        }
    }

    @Test
    void drawdownOfAFallingCurveIsItsLowestPoint() {
        double[] equity = {100, 120, 90, 60, 110, 130, 125};
        PerformanceMetrics metrics = PerformanceMetrics.of(100, 252, equity, equity.length, new double[0], 0, 0, 0);
        assertThat(metrics.maxDrawdown()).isEqualTo((120 - 60) / 120.0);
        assertThat(metrics.maxDrawdownDuration()).isEqualTo(3);
    }

    private static double[] perBarDrawdown(double capital, double[] equity) {
        double peak = capital;
        double maxDrawdown = 0;
        long underwater = 0;
        long longest = 0;
        for (double value : equity) {
            if (value >= peak) {
                peak = value;
                underwater = 0;
            } else {
                underwater++;
                longest = Math.max(longest, underwater);
                maxDrawdown = Math.max(maxDrawdown, (peak - value) / peak);
            }
        }
        return new double[] {maxDrawdown, longest};
    }

    @Test
    void valuesAreTheMapsValuesInNameOrder() {
        // Every component distinct, counts among them, and NaN ratios: a sweep row read by name must be the same.
        PerformanceMetrics metrics = new PerformanceMetrics(0.1, 0.2, 0.3, 0.4, Double.NaN, 0.6, 0.7, 8, 0.9, 1.0,
                Double.NaN, 1.2, 13, 1.4, 1.5);
        double[] fromMap = metrics.asMap().values().stream().mapToDouble(Number::doubleValue).toArray();
        assertThat(metrics.values()).containsExactly(fromMap);
        assertThat(metrics.asMap().keySet()).containsExactlyElementsOf(PerformanceMetrics.names());
        for (int m = 0; m < fromMap.length; m++) {
            assertThat(Double.doubleToRawLongBits(metrics.value(PerformanceMetrics.names().get(m))))
                    .isEqualTo(Double.doubleToRawLongBits(fromMap[m]));
        }
        double[] real = PerformanceMetrics.of(100, 252, new double[] {100, 110, 90, 95}, 4, new double[] {5, -3}, 0.5, 2, 1)
                .values();
        assertThat(real).hasSize(PerformanceMetrics.names().size());
    }
}
