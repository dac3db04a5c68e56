package io.daytrade.operators.bars;

import static org.assertj.core.api.Assertions.assertThat;

import io.daytrade.schemas.Tick;

import java.util.List;

import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class TickPreAggregatorTest {

    private static final long MINUTE = 60_000;

    /**
     * A part's arrival time (for the latency metric) is the task's processing-time clock, read once a
     * millisecond rather than per tick: it follows the clock as its timers fire.
     */
    @Test
    void aPartsLastArrivalFollowsTheProcessingTimeClock() throws Exception {
        try (var harness = new OneInputStreamOperatorTestHarness<Tick, PartialBar>(
                new TickPreAggregator(List.of(BarInterval.parse("1m")), "test"))) {
            harness.setProcessingTime(1_000);
            harness.open();
            harness.processElement(new StreamRecord<>(Ticks.tick("A", 10, 100, 1, 1)));
            harness.setProcessingTime(1_007); // a timer fires: the clock is read again
            harness.processElement(new StreamRecord<>(Ticks.tick("A", 20, 101, 1, 2)));
            harness.processElement(new StreamRecord<>(Ticks.tick("B", 30, 50, 1, 3)));
            harness.processWatermark(new Watermark(MINUTE));

            List<PartialBar> parts = harness.extractOutputValues();
            assertThat(parts).extracting(part -> part.symbol).containsExactlyInAnyOrder("A", "B");
            assertThat(parts).allSatisfy(part -> assertThat(part.bar.lastArrival).isEqualTo(1_007));
            PartialBar a = parts.stream().filter(part -> part.symbol.equals("A")).findFirst().orElseThrow();
            assertThat(a.bar.tickCount).isEqualTo(2);
            assertThat(a.bar.close).isEqualTo(101);
        }
    }
}
