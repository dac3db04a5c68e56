package io.daytrade.crossasset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CrossAssetCalculatorTest {

    private static Map<String, Double> closes(Object... pairs) {
        Map<String, Double> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return map;
    }

    @Test
    void correlationAndBetaComputedByHand() {
        CrossAssetCalculator calculator = new CrossAssetCalculator(List.of("A", "B"), 3, "B", List.of());
        CrossAssetState state = new CrossAssetState();
        assertThat(calculator.onTime(state, 1, closes("A", 100, "B", 100))).isEmpty();
        assertThat(calculator.onTime(state, 2, closes("A", 101, "B", 102))).isEmpty(); // rA 1%, rB 2%
        assertThat(calculator.onTime(state, 3, closes("A", 101, "B", 100.98))).isEmpty(); // 0%, -1%
        List<CrossAssetRow> rows = calculator.onTime(state, 4, closes("A", 103.02, "B", 104.0094)); // 2%, 3%

        // rA = (.01, 0, .02), rB = (.02, -.01, .03): means .01 and .01333...
        double[] a = {0.01, 0.0, 0.02};
        double[] b = {0.02, -0.01, 0.03};
        double ma = 0.01;
        double mb = (0.02 - 0.01 + 0.03) / 3;
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < 3; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        assertThat(rows).hasSize(2);
        CrossAssetRow rowA = rows.get(0);
        assertThat(rowA.symbol()).isEqualTo("A");
        assertThat(rowA.correlations()[0]).isCloseTo(1, within(1e-12));
        assertThat(rowA.correlations()[1]).isCloseTo(cov / Math.sqrt(va * vb), within(1e-9));
        assertThat(rowA.beta()).isCloseTo(cov / vb, within(1e-9));
        assertThat(rows.get(1).beta()).isCloseTo(1, within(1e-12));
        assertThat(rowA.factorBetas()).isNull();
        assertThat(rowA.alpha()).isNaN();
    }

    @Test
    void aTimeWithoutEverySymbolIsSkippedAndTheNextReturnSpansIt() {
        CrossAssetCalculator calculator = new CrossAssetCalculator(List.of("A", "B"), 3, null, List.of());
        CrossAssetState state = new CrossAssetState();
        calculator.onTime(state, 1, closes("A", 100, "B", 50));
        calculator.onTime(state, 2, closes("A", 110)); // B missing: skipped
        calculator.onTime(state, 3, closes("A", 121, "B", 55));
        assertThat(state.skippedTimes).isEqualTo(1);
        assertThat(state.filled).isEqualTo(1);
        assertThat(state.returns[0]).isCloseTo(0.21, within(1e-12)); // 100 -> 121 across the gap
        assertThat(state.returns[1]).isCloseTo(0.10, within(1e-12));
    }

    @Test
    void anExactFactorModelIsRecovered() {
        CrossAssetCalculator calculator = new CrossAssetCalculator(List.of("Y", "F1", "F2"), 6, null, List.of("F1", "F2"));
        CrossAssetState state = new CrossAssetState();
        double[] f1 = {0.01, -0.02, 0.015, 0.003, -0.007, 0.02, 0.001};
        double[] f2 = {-0.005, 0.01, 0.002, -0.012, 0.006, 0.0, 0.004};
        double y = 100;
        double p1 = 100;
        double p2 = 100;
        calculator.onTime(state, 0, closes("Y", y, "F1", p1, "F2", p2));
        List<CrossAssetRow> rows = List.of();
        for (int t = 0; t < 6; t++) {
            double ry = 0.0005 + 1.5 * f1[t] - 0.8 * f2[t];
            y *= 1 + ry;
            p1 *= 1 + f1[t];
            p2 *= 1 + f2[t];
            rows = calculator.onTime(state, t + 1, closes("Y", y, "F1", p1, "F2", p2));
        }
        CrossAssetRow row = rows.get(0);
        assertThat(row.alpha()).isCloseTo(0.0005, within(1e-12));
        assertThat(row.factorBetas()).containsExactly(new double[] {1.5, -0.8}, within(1e-9));
        assertThat(row.rSquared()).isCloseTo(1, within(1e-12));
        assertThat(rows.get(1).factorBetas()).isNull(); // a factor is not regressed on itself
    }

    @Test
    void aConstantSeriesHasNoCorrelationAndMistakesAreNamed() {
        CrossAssetCalculator calculator = new CrossAssetCalculator(List.of("A", "B"), 3, "B", List.of());
        CrossAssetState state = new CrossAssetState();
        for (int t = 0; t < 4; t++) {
            calculator.onTime(state, t, closes("A", 100 + t * t, "B", 10));
        }
        List<CrossAssetRow> rows = calculator.onTime(state, 5, closes("A", 130, "B", 10));
        assertThat(rows.get(0).correlations()[1]).isNaN();
        assertThat(rows.get(0).beta()).isNaN();
        assertThatThrownBy(() -> new CrossAssetCalculator(List.of("A"), 3, null, List.of())).hasMessageContaining("two symbols");
        assertThatThrownBy(() -> new CrossAssetCalculator(List.of("A", "B"), 3, "SPX", List.of()))
                .hasMessageContaining("benchmark SPX is not one of");
        assertThatThrownBy(() -> new CrossAssetCalculator(List.of("A", "B", "C"), 3, null, List.of("B", "C")))
                .hasMessageContaining("window above 3");
    }
}
