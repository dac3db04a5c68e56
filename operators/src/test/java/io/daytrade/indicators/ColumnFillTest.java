package io.daytrade.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A single-input indicator's column made in one call ({@code fillColumn}) is bit for bit the column of
 * one update per value, for series shorter than its lookback, just long enough and long, and leaves the
 * indicator in the state those updates would: it continues alike and writes the same state bytes.
 */
class ColumnFillTest {

    static List<String> specs() {
        return IndicatorCases.SPECS.stream()
                .filter(text -> IndicatorSpec.parse(text).create() instanceof SingleInputIndicator single
                        && single.outputs() == 1)
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void columnInOneCallIsTheColumnOfOneUpdatePerValue(String specText) throws IOException {
        IndicatorSpec spec = IndicatorSpec.parse(specText);
        int lookback = spec.create().lookback();
        Random random = new Random(specText.hashCode());
        double[] series = OhlcvSeries.generated(9, 900).close;
        for (int n : new int[] {0, 1, lookback, lookback + 1, lookback + 2, 600}) {
            SingleInputIndicator filled = (SingleInputIndicator) spec.create();
            SingleInputIndicator stepped = (SingleInputIndicator) spec.create();
            int at = random.nextInt(5);
            double[] column = new double[at + n + 3];
            Arrays.fill(column, 42.0);
            filled.fillColumn(series, n, column, at);

            for (int i = 0; i < n; i++) {
                stepped.update(series[i]);
                double expected = valueOrNaN(stepped);
                assertThat(Double.doubleToRawLongBits(column[at + i])).as("%s over %d values, value %d", spec, n, i)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
            }
            assertThat(column[at + n]).as("nothing written past the column").isEqualTo(42.0);
            assertThat(state(filled)).as("%s state after %d values", spec, n).isEqualTo(state(stepped));
            for (int i = n; i < series.length; i++) {
                filled.update(series[i]);
                stepped.update(series[i]);
                assertThat(Double.doubleToRawLongBits(valueOrNaN(filled))).as("%s continued at %d", spec, i)
                        .isEqualTo(Double.doubleToRawLongBits(valueOrNaN(stepped)));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void aColumnAfterEarlierValuesContinuesFromThem(String specText) {
        IndicatorSpec spec = IndicatorSpec.parse(specText);
        double[] series = OhlcvSeries.generated(4, 500).close;
        SingleInputIndicator filled = (SingleInputIndicator) spec.create();
        SingleInputIndicator stepped = (SingleInputIndicator) spec.create();
        for (int i = 0; i < 250; i++) {
            filled.update(series[i]);
            stepped.update(series[i]);
        }
        double[] rest = Arrays.copyOfRange(series, 250, 500);
        double[] column = new double[rest.length];
        filled.fillColumn(rest, rest.length, column, 0);
        for (int i = 0; i < rest.length; i++) {
            stepped.update(rest[i]);
            assertThat(Double.doubleToRawLongBits(column[i])).as("%s value %d", spec, 250 + i)
                    .isEqualTo(Double.doubleToRawLongBits(valueOrNaN(stepped)));
        }
    }

    private static double valueOrNaN(Indicator indicator) {
        return indicator.hasValue() ? indicator.value(0) : Double.NaN;
    }

    private static byte[] state(Indicator indicator) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        indicator.writeState(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }
}
