package io.daytrade.operators.sweep;

import static io.daytrade.operators.sweep.SameHistory.assertSameHistory;
import static org.assertj.core.api.Assertions.assertThat;

import io.daytrade.backtest.BarHistory;
import io.daytrade.indicators.IndicatorSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bars gathered in blocks make the history {@link BarHistory#compute} makes of the same bars in time order,
 * whatever the count's place against the block size, with a bar out of order in a later block.
 */
class ArrivingBarsTest {

    private static final List<IndicatorSpec> SPECS = IndicatorSpec.parseList("sma(3),ema(5)");
    private static final int B = ArrivingBars.BLOCK;

    @ParameterizedTest
    @ValueSource(ints = {1, B - 1, B, B + 1, 2 * B, 2 * B + 7})
    void inTimeOrder(int count) {
        Gathered gathered = new Gathered();
        for (int i = 0; i < count; i++) {
            assertThat(gathered.add(1_000L * i, 10 + i)).isTrue();
        }
        assertSameHistory(gathered.bars.history("X", SPECS), gathered.expected());
    }

    @ParameterizedTest
    @ValueSource(ints = {B + 1, 2 * B + 7})
    void outOfOrderInALaterBlockWithRepeats(int count) {
        Gathered gathered = new Gathered();
        for (int i = 0; i < count; i++) {
            gathered.add(1_000L * (i + 10), 10 + i);
        }
        assertThat(gathered.add(5_000, 1)).as("out of order").isTrue();
        assertThat(gathered.add(10_000, 2)).as("repeats the first bar's time").isFalse();
        assertThat(gathered.add(2_000, 3)).isTrue();
        assertThat(gathered.add(5_000, 4)).as("repeats a time seen out of order").isFalse();
        assertSameHistory(gathered.bars.history("X", SPECS), gathered.expected());
    }

    /** Bars as they were added, beside the ArrivingBars they were added to. */
    private static final class Gathered {
        final ArrivingBars bars = new ArrivingBars();
        final List<double[]> added = new ArrayList<>();

        boolean add(long time, double price) {
            added.add(new double[] {time, price, price + 1, price - 1, price + 0.5, added.size()});
            return bars.add(time, price, price + 1, price - 1, price + 0.5, added.size() - 1);
        }

        /** What compute makes of the bars sorted by time, ties in the order they came. */
        BarHistory expected() {
            List<double[]> sorted = new ArrayList<>(added);
            sorted.sort(Comparator.comparingDouble(b -> b[0])); // stable
            return BarHistory.compute("X", sorted.stream().mapToLong(b -> (long) b[0]).toArray(), column(sorted, 1),
                    column(sorted, 2), column(sorted, 3), column(sorted, 4), column(sorted, 5), SPECS, k -> { });
        }

        private static double[] column(List<double[]> bars, int at) {
            return bars.stream().mapToDouble(b -> b[at]).toArray();
        }
    }
}
