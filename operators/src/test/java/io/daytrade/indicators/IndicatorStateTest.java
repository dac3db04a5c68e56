package io.daytrade.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An indicator restored from its written state, at any bar (inside the lookback, at its end, long
 * after), continues bit for bit as the one that never stopped: what a Flink restore relies on.
 */
class IndicatorStateTest {

    static java.util.List<String> specs() {
        return IndicatorCases.SPECS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void restoredIndicatorContinuesExactly(String specText) throws IOException {
        IndicatorSpec spec = IndicatorSpec.parse(specText);
        OhlcvSeries series = OhlcvSeries.generated(3, 700);
        int lookback = spec.create().lookback();
        for (int cut : new int[] {0, 1, lookback, lookback + 1, 400}) {
            Indicator straight = spec.create();
            Indicator restored = spec.create();
            for (int bar = 0; bar < series.size(); bar++) {
                if (bar == cut) {
                    restored = copyThroughState(spec, restored);
                }
                feed(straight, series, bar);
                feed(restored, series, bar);
                assertThat(restored.hasValue()).isEqualTo(straight.hasValue());
                if (straight.hasValue()) {
                    for (int output = 0; output < straight.outputs(); output++) {
                        assertThat(Double.doubleToRawLongBits(restored.value(output)))
                                .as("%s cut at %d, bar %d, output %d", spec, cut, bar, output)
                                .isEqualTo(Double.doubleToRawLongBits(straight.value(output)));
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void resetStartsOver(String specText) {
        IndicatorSpec spec = IndicatorSpec.parse(specText);
        OhlcvSeries series = OhlcvSeries.generated(5, 300);
        Indicator fresh = spec.create();
        Indicator reused = spec.create();
        for (int bar = 0; bar < 150; bar++) {
            feed(reused, series, bar);
        }
        reused.reset();
        for (int bar = 0; bar < series.size(); bar++) {
            feed(fresh, series, bar);
            feed(reused, series, bar);
            assertThat(reused.hasValue()).isEqualTo(fresh.hasValue());
            if (fresh.hasValue()) {
                assertThat(reused.value()).isEqualTo(fresh.value());
            }
        }
    }

    private static void feed(Indicator indicator, OhlcvSeries s, int bar) {
        indicator.update(s.open[bar], s.high[bar], s.low[bar], s.close[bar], s.volume[bar], s.time[bar]);
    }

    private static Indicator copyThroughState(IndicatorSpec spec, Indicator source) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        source.writeState(new DataOutputStream(bytes));
        Indicator copy = spec.create();
        copy.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        return copy;
    }
}
