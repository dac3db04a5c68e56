package io.daytrade.operators.sweep;

import static io.daytrade.operators.sweep.SameHistory.assertSameHistory;
import static org.assertj.core.api.Assertions.assertThat;

import io.daytrade.backtest.BarHistory;
import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.operators.deadletters.DeadLetters;
import io.daytrade.schemas.Bar;
import io.daytrade.schemas.DeadLetter;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * Bars in time order and out of it, with repeated times, become the histories {@link BarHistory#compute}
 * makes of the same bars sorted by time (ties in arrival order), one per symbol in symbol order, and each
 * repeat is a dead letter.
 */
class HistoryCollectorTest {

    private static final List<IndicatorSpec> SPECS = IndicatorSpec.parseList("sma(2)");

    @Test
    void barsBecomeOneHistoryPerSymbolInTimeOrder() throws Exception {
        try (OneInputStreamOperatorTestHarness<Bar, BarHistory> harness =
                new OneInputStreamOperatorTestHarness<>(new HistoryCollector(SPECS, "bars.csv"))) {
            harness.open();
            // B in time order with a repeat; A out of order, with a repeat of a time seen before it went out of order.
            for (Bar bar : List.of(bar("B", 1_000, 10), bar("A", 3_000, 3), bar("B", 2_000, 11), bar("A", 1_000, 1),
                    bar("B", 2_000, 12), bar("A", 2_000, 2), bar("B", 3_000, 13), bar("A", 1_000, 1.5),
                    bar("A", 4_000, 4))) {
                harness.processElement(bar, bar.getWindowStart().toEpochMilli());
            }
            assertThat(harness.extractOutputValues()).as("nothing before the end of the input").isEmpty();
            harness.endInput();

            List<BarHistory> histories = harness.extractOutputValues();
            assertThat(histories).extracting(h -> h.symbol).containsExactly("A", "B");
            assertSameHistory(histories.get(0), BarHistory.compute("A", new long[] {1_000, 1_000, 2_000, 3_000, 4_000},
                    closes(1, 1.5, 2, 3, 4), closes(1, 1.5, 2, 3, 4), closes(1, 1.5, 2, 3, 4), closes(1, 1.5, 2, 3, 4),
                    closes(1, 1, 1, 1, 1), SPECS, i -> { }));
            assertSameHistory(histories.get(1), BarHistory.compute("B", new long[] {1_000, 2_000, 2_000, 3_000},
                    closes(10, 11, 12, 13), closes(10, 11, 12, 13), closes(10, 11, 12, 13), closes(10, 11, 12, 13),
                    closes(1, 1, 1, 1), SPECS, i -> { }));
            assertThat(histories.get(0).decides).containsExactly(false, true, true, true, true);

            ConcurrentLinkedQueue<StreamRecord<DeadLetter>> dead = harness.getSideOutput(DeadLetters.TAG);
            assertThat(dead).extracting(r -> r.getValue().getReason().toString())
                    .containsExactly(DeadLetters.OUT_OF_ORDER_BAR, DeadLetters.OUT_OF_ORDER_BAR);
            assertThat(dead).extracting(r -> r.getValue().getDetail().toString()).containsExactly(
                    "bar of B 1m at 1970-01-01T00:00:02Z repeats the time of an earlier bar",
                    "bar of A 1m at 1970-01-01T00:00:01Z repeats the time of an earlier bar");
        }
    }

    private static double[] closes(double... values) {
        return values;
    }

    private static Bar bar(String symbol, long time, double price) {
        return Bar.newBuilder()
                .setSymbol(symbol).setInterval("1m")
                .setWindowStart(Instant.ofEpochMilli(time))
                .setWindowEnd(Instant.ofEpochMilli(time + 60_000))
                .setOpen(price).setHigh(price).setLow(price).setClose(price)
                .setVolume(1).setTickCount(0).setVwap(price)
                .build();
    }
}
