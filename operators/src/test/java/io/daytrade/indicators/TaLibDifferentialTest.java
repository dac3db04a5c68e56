package io.daytrade.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every indicator, updated bar by bar, against TA-Lib's Java port computing the same series in batch:
 * the same first bar (lookback), and the same values to 1e-9 relative (1e-8 for STDDEV, whose running
 * sum of squares loses digits at high prices) on real history and on generated edge cases.
 */
class TaLibDifferentialTest {

    private static final List<OhlcvSeries> SERIES = loadSeries();

    private static List<OhlcvSeries> loadSeries() {
        try {
            List<OhlcvSeries> series = new ArrayList<>();
            series.add(OhlcvSeries.readBars(SharedData.real("AAPL-daily.csv"), null));
            series.add(OhlcvSeries.readBars(SharedData.real("BTC-USD-4h.csv"), null));
            series.add(OhlcvSeries.readBars(SharedData.real("ETH-USD-4h.csv"), null));
            series.add(OhlcvSeries.readBars(SharedData.real("SPX-weekly.csv"), null));
            series.add(OhlcvSeries.readBars(SharedData.real("ETH-USD-5m.csv"), null));
            series.add(OhlcvSeries.readBars(SharedData.real("sectors-daily.csv"), "XLK"));
            series.add(OhlcvSeries.generated(7, 3_000));
            series.add(OhlcvSeries.generated(11, 3_000));
            return series;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> cases() {
        return IndicatorCases.SPECS.stream()
                .flatMap(spec -> SERIES.stream().map(series -> Arguments.of(spec, series.name)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void matchesTaLib(String specText, String seriesName) {
        IndicatorSpec spec = IndicatorSpec.parse(specText);
        OhlcvSeries series = SERIES.stream().filter(s -> s.name.equals(seriesName)).findFirst().orElseThrow();
        TaLibReference.Result expected = TaLibReference.compute(spec, series);
        Indicator indicator = spec.create();
        double tolerance = spec.type() == IndicatorType.STDDEV ? 1e-8 : 1e-9;

        assertThat(indicator.lookback()).as("lookback").isEqualTo(expected.begin());
        int compared = 0;
        for (int bar = 0; bar < series.size(); bar++) {
            indicator.update(series.open[bar], series.high[bar], series.low[bar], series.close[bar],
                    series.volume[bar], series.time[bar]);
            if (bar < expected.begin()) {
                assertThat(indicator.hasValue()).as("no value before TA-Lib's first, bar %d", bar).isFalse();
                continue;
            }
            assertThat(indicator.hasValue()).as("value at bar %d", bar).isTrue();
            for (int output = 0; output < indicator.outputs(); output++) {
                double ours = indicator.value(output);
                double theirs = expected.at(output, bar);
                assertThat(relativeError(ours, theirs))
                        .as("%s output %d at bar %d: ours %s, TA-Lib %s", spec, output, bar, ours, theirs)
                        .isLessThanOrEqualTo(tolerance);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(expected.count() * indicator.outputs());
        assertThat(compared).as("the series is long enough to compare anything").isPositive();
    }

    static double relativeError(double ours, double theirs) {
        if (ours == theirs) {
            return 0;
        }
        return Math.abs(ours - theirs) / Math.max(Math.abs(ours), Math.abs(theirs));
    }
}
