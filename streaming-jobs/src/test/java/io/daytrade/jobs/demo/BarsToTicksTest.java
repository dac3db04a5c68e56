package io.daytrade.jobs.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.daytrade.schemas.Tick;

import java.util.List;

import org.junit.jupiter.api.Test;

class BarsToTicksTest {

    private static final long HOUR = 3_600_000L;

    @Test
    void ticksRebuildTheBarsOpenHighLowCloseAndVolumeInsideItsWindow() {
        for (double close : new double[] {12, 9}) {
            List<Tick> ticks = BarsToTicks.ticks("X", 4 * HOUR, 4 * HOUR, 10, 13, 8, close, 100, 7);
            assertThat(ticks.get(0).getPrice()).isEqualTo(10);
            assertThat(ticks.get(3).getPrice()).isEqualTo(close);
            assertThat(ticks).extracting(Tick::getPrice).contains(13.0, 8.0);
            assertThat(ticks.stream().mapToDouble(Tick::getSize).sum()).isEqualTo(100);
            assertThat(ticks).allSatisfy(t -> assertThat(t.getEventTime().toEpochMilli())
                    .isGreaterThanOrEqualTo(4 * HOUR).isLessThan(8 * HOUR));
            assertThat(ticks).extracting(Tick::getSequence).containsExactly(7L, 8L, 9L, 10L);
        }
    }
}
