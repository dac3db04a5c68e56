package io.daytrade.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A set's row is, bar for bar and bit for bit, what its indicators give on their own, whatever the
 * number of indicators (more than {@link IndicatorCalls#SLOTS} go partly through the loop) and however
 * many configurations share one JVM's call sites.
 */
class IndicatorSetTest {

    @Test
    void everyCaseInOneSetGivesEachIndicatorsOwnValues() {
        assertThat(IndicatorCases.SPECS).hasSizeGreaterThan(IndicatorCalls.SLOTS);
        assertRowsMatchIndicatorsAlone(IndicatorCases.SPECS, OhlcvSeries.generated(7, 500));
    }

    @Test
    void differentConfigurationsInterleavedStayCorrect() {
        OhlcvSeries series = OhlcvSeries.generated(11, 300);
        for (int round = 0; round < 3; round++) {
            assertRowsMatchIndicatorsAlone(List.of("sma(5)", "macd(12,26,9)", "stoch(5,3,3)"), series);
            assertRowsMatchIndicatorsAlone(List.of("stoch(14,3,3)", "sma(20)", "aroon(14)", "obv"), series);
            assertRowsMatchIndicatorsAlone(List.of("bbands(20,2)"), series);
            assertRowsMatchIndicatorsAlone(List.of(), series);
        }
    }

    private static void assertRowsMatchIndicatorsAlone(List<String> specTexts, OhlcvSeries s) {
        List<IndicatorSpec> specs = specTexts.stream().map(IndicatorSpec::parse).toList();
        IndicatorSet set = new IndicatorSet(specs);
        List<Indicator> alone = new ArrayList<>();
        specs.forEach(spec -> alone.add(spec.create()));
        double[] row = new double[set.columns().size()];
        for (int bar = 0; bar < s.size(); bar++) {
            set.update(s.open[bar], s.high[bar], s.low[bar], s.close[bar], s.volume[bar], s.time[bar]);
            set.values(row);
            int column = 0;
            for (Indicator indicator : alone) {
                indicator.update(s.open[bar], s.high[bar], s.low[bar], s.close[bar], s.volume[bar], s.time[bar]);
                for (int output = 0; output < indicator.outputs(); output++) {
                    double expected = indicator.hasValue() ? indicator.value(output) : Double.NaN;
                    assertThat(Double.doubleToRawLongBits(row[column]))
                            .as("%s, bar %d, column %s", specTexts, bar, set.columns().get(column))
                            .isEqualTo(Double.doubleToRawLongBits(expected));
                    column++;
                }
            }
            assertThat(column).isEqualTo(row.length);
        }
    }
}
