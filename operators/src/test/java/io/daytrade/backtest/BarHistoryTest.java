package io.daytrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daytrade.indicators.IndicatorSet;
import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.indicators.OhlcvSeries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A history's columns, computed one indicator at a time over all the bars, are bit for bit the rows the
 * live job's {@link IndicatorSet} gives bar by bar, repeated bar times included.
 */
class BarHistoryTest {

    /** Without repeated times, single-output indicators of the close fill their columns in one call each. */
    @ParameterizedTest(name = "repeated times: {0}")
    @ValueSource(booleans = {true, false})
    void columnsEqualTheRowsOfTheIndicatorSetBarByBar(boolean withRepeats) {
        OhlcvSeries s = OhlcvSeries.generated(31, 3_000);
        long[] times = s.time.clone();
        int repeats = 0;
        for (int i = 5; withRepeats && i < times.length; i += 41) {
            times[i] = times[i - 1]; // a repeated time: not fed to the indicators, as the operator does
            repeats++;
        }
        List<IndicatorSpec> specs = IndicatorSpec.parseList(
                "sma(5),ema(12),rsi(14),macd(12,26,9),bbands(20,2),atr(14),stoch(14,3,3),obv,sma(50),sma(2),sma(2999),"
                        + "sma(3000),sma(3001),kama(10),wma(7)");
        List<Integer> repeated = new ArrayList<>();

        BarHistory history = BarHistory.compute("X", times, s.open, s.high, s.low, s.close, s.volume, specs,
                repeated::add);

        IndicatorSet set = new IndicatorSet(specs);
        assertThat(history.columns).containsExactlyElementsOf(set.columns());
        double[] row = new double[set.columns().size()];
        for (int i = 0; i < times.length; i++) {
            if (i == 0 || times[i] != times[i - 1]) {
                set.update(s.open[i], s.high[i], s.low[i], s.close[i], s.volume[i], times[i]);
                set.values(row);
            }
            for (int c = 0; c < row.length; c++) {
                assertThat(Double.doubleToRawLongBits(history.value(c, i)))
                        .as("%s at bar %d", history.columns[c], i).isEqualTo(Double.doubleToRawLongBits(row[c]));
            }
            assertThat(history.decides[i]).as("bar %d", i).isEqualTo(i + 1 == times.length || times[i + 1] != times[i]);
        }
        assertThat(repeated).hasSize(repeats).allMatch(i -> times[i] == times[i - 1]);
    }

    @Test
    void columnsWrittenIntoAReusedArrayAreThoseOfAFreshOne() {
        List<IndicatorSpec> specs = IndicatorSpec.parseList("sma(5),macd(12,26,9),bbands(20,2)");
        OhlcvSeries longer = OhlcvSeries.generated(7, 900);
        OhlcvSeries shorter = OhlcvSeries.generated(8, 600);
        BarHistory bars = BarHistory.compute("L", longer.time, longer.open, longer.high, longer.low, longer.close,
                longer.volume, List.of());
        BarHistory fewerBars = BarHistory.compute("S", shorter.time, shorter.open, shorter.high, shorter.low,
                shorter.close, shorter.volume, List.of());
        double[] reusable = new double[7 * 900];
        Arrays.fill(reusable, -1.5); // what a previous task left behind

        BarHistory first = bars.withIndicators(specs, reusable);
        assertThat(first.values).isSameAs(reusable);
        assertSameColumns(first, bars.withIndicators(specs));
        BarHistory second = fewerBars.withIndicators(specs, first.values); // over a longer task's values
        assertThat(second.values).isSameAs(reusable);
        assertSameColumns(second, fewerBars.withIndicators(specs));

        BarHistory more = bars.withIndicators(IndicatorSpec.parseList("sma(5),macd(12,26,9),bbands(20,2),sma(9)"),
                reusable); // 8 columns do not fit: a new array
        assertThat(more.values).isNotSameAs(reusable).hasSize(8 * 900);
    }

    private static void assertSameColumns(BarHistory actual, BarHistory expected) {
        assertThat(actual.columns).containsExactly(expected.columns);
        for (int c = 0; c < expected.columns.length; c++) {
            for (int i = 0; i < expected.bars(); i++) {
                assertThat(Double.doubleToRawLongBits(actual.value(c, i))).as("%s at bar %d", expected.columns[c], i)
                        .isEqualTo(Double.doubleToRawLongBits(expected.value(c, i)));
            }
        }
    }

    @Test
    void barsBackInTimeAreNamed() {
        OhlcvSeries s = OhlcvSeries.generated(3, 10);
        long[] times = s.time.clone();
        times[7] = times[2];
        assertThatThrownBy(() -> BarHistory.compute("X", times, s.open, s.high, s.low, s.close, s.volume, List.of()))
                .hasMessage("X: bar 7 is before the one before it");
    }
}
