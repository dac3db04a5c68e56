package io.daytrade.operators.bars;

import static io.daytrade.operators.bars.Ticks.tick;
import static org.assertj.core.api.Assertions.assertThat;

import io.daytrade.operators.deadletters.DeadLetters;
import io.daytrade.schemas.Bar;
import io.daytrade.schemas.DeadLetter;
import io.daytrade.schemas.Tick;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class TickToBarFunctionTest {

    private static final long MINUTE = 60_000L;
    private static final long T0 = 1_700_000_040_000L - 1_700_000_040_000L % (5 * MINUTE);

    @Test
    void buildsOhlcvBarsPerSymbol() throws Exception {
        try (var harness = harness("1m", false)) {
            process(harness, tick("AAA", T0 + 1_000, 10.0, 1, 1));
            process(harness, tick("BBB", T0 + 2_000, 50.0, 2, 2));
            process(harness, tick("AAA", T0 + 3_000, 12.0, 3, 3));
            process(harness, tick("AAA", T0 + 4_000, 9.0, 2, 4));
            process(harness, tick("AAA", T0 + 5_000, 11.0, 4, 5));
            harness.processWatermark(new Watermark(T0 + MINUTE - 1));

            List<Bar> bars = bars(harness);
            assertThat(bars).hasSize(2);
            Bar a = bar(bars, "AAA");
            assertThat(a.getWindowStart()).isEqualTo(Instant.ofEpochMilli(T0));
            assertThat(a.getWindowEnd()).isEqualTo(Instant.ofEpochMilli(T0 + MINUTE));
            assertThat(a.getOpen()).isEqualTo(10.0);
            assertThat(a.getHigh()).isEqualTo(12.0);
            assertThat(a.getLow()).isEqualTo(9.0);
            assertThat(a.getClose()).isEqualTo(11.0);
            assertThat(a.getVolume()).isEqualTo(10.0);
            assertThat(a.getTickCount()).isEqualTo(4);
            assertThat(a.getVwap()).isEqualTo((10.0 * 1 + 12.0 * 3 + 9.0 * 2 + 11.0 * 4) / 10.0);
            assertThat(bar(bars, "BBB").getClose()).isEqualTo(50.0);
            assertNoStateLeft(harness);
        }
    }

    @Test
    void emitsOnlyWindowsThatHadTicks() throws Exception {
        try (var harness = harness("1m", false)) {
            process(harness, tick("AAA", T0 + 1_000, 10.0, 1, 1));
            process(harness, tick("AAA", T0 + 3 * MINUTE + 1_000, 11.0, 1, 2));
            harness.processWatermark(new Watermark(Long.MAX_VALUE));
            assertThat(bars(harness)).extracting(b -> b.getWindowStart().toEpochMilli())
                    .containsExactly(T0, T0 + 3 * MINUTE);
        }
    }

    @Test
    void outOfOrderTickWithinTheDisorderLandsInItsBarAndSetsTheOpen() throws Exception {
        try (var harness = harness("1m", false)) {
            process(harness, tick("AAA", T0 + 30_000, 10.0, 1, 1));
            process(harness, tick("AAA", T0 + MINUTE + 1_000, 20.0, 1, 2));
            harness.processWatermark(new Watermark(T0 + 20_000)); // 20 s of allowed disorder
            process(harness, tick("AAA", T0 + 25_000, 8.0, 1, 3)); // arrives late, but within it
            harness.processWatermark(new Watermark(Long.MAX_VALUE));

            List<Bar> bars = bars(harness);
            assertThat(bars).hasSize(2);
            assertThat(bars.get(0).getOpen()).isEqualTo(8.0);
            assertThat(bars.get(0).getClose()).isEqualTo(10.0);
            assertThat(bars.get(0).getTickCount()).isEqualTo(2);
            assertThat(bars.get(1).getOpen()).isEqualTo(20.0);
            assertThat(harness.getSideOutput(DeadLetters.TAG)).isNull();
        }
    }

    @Test
    void tickBehindTheWatermarkGoesToDeadLettersAsLate() throws Exception {
        try (var harness = harness("1m", false)) {
            process(harness, tick("AAA", T0 + 30_000, 10.0, 1, 1));
            harness.processWatermark(new Watermark(T0 + MINUTE + 5_000));
            process(harness, tick("AAA", T0 + 40_000, 99.0, 1, 7));
            harness.processWatermark(new Watermark(Long.MAX_VALUE));

            assertThat(bars(harness)).singleElement().satisfies(b -> {
                assertThat(b.getHigh()).isEqualTo(10.0);
                assertThat(b.getTickCount()).isEqualTo(1);
            });
            List<DeadLetter> dead = harness.getSideOutput(DeadLetters.TAG).stream()
                    .map(StreamRecord::getValue).toList();
            assertThat(dead).singleElement().satisfies(d -> {
                assertThat(d.getReason()).isEqualTo("late");
                assertThat(d.getPosition()).isEqualTo(7L);
                assertThat(d.getSource()).isEqualTo("test-ticks");
                assertThat(Tick.fromByteBuffer(d.getPayload()).getPrice()).isEqualTo(99.0);
            });
        }
    }

    @Test
    void ticksWithEqualTimeKeepTheirSequenceOrderForOpenAndClose() throws Exception {
        try (var harness = harness("1m", false)) {
            // Arrival order differs from sequence order: sequence decides.
            process(harness, tick("AAA", T0 + 5_000, 12.0, 1, 2));
            process(harness, tick("AAA", T0 + 5_000, 11.0, 1, 1));
            process(harness, tick("AAA", T0 + 9_000, 13.0, 1, 4));
            process(harness, tick("AAA", T0 + 9_000, 14.0, 1, 3));
            harness.processWatermark(new Watermark(Long.MAX_VALUE));
            Bar bar = bars(harness).get(0);
            assertThat(bar.getOpen()).isEqualTo(11.0);
            assertThat(bar.getClose()).isEqualTo(13.0);
        }
    }

    @Test
    void buildsSeveralIntervalsAtOnce() throws Exception {
        try (var harness = harness("1m,5m", false)) {
            for (int i = 0; i < 10; i++) {
                process(harness, tick("AAA", T0 + i * MINUTE + 1_000, 10.0 + i, 1, i));
            }
            harness.processWatermark(new Watermark(Long.MAX_VALUE));
            Map<String, List<Bar>> byInterval = bars(harness).stream()
                    .collect(Collectors.groupingBy(b -> b.getInterval().toString()));
            assertThat(byInterval.get("1m")).hasSize(10);
            assertThat(byInterval.get("5m")).hasSize(2);
            Bar first5m = byInterval.get("5m").get(0);
            assertThat(first5m.getOpen()).isEqualTo(10.0);
            assertThat(first5m.getClose()).isEqualTo(14.0);
            assertThat(first5m.getVolume()).isEqualTo(5.0);
            assertNoStateLeft(harness);
        }
    }

    @Test
    void barsBeforeTheEpochAlignToTheirOwnStart() throws Exception {
        try (var harness = harness("1m", false)) {
            process(harness, tick("AAA", -1, 10.0, 1, 1));
            harness.processWatermark(new Watermark(Long.MAX_VALUE));
            assertThat(bars(harness).get(0).getWindowStart()).isEqualTo(Instant.ofEpochMilli(-MINUTE));
        }
    }

    @Test
    void matchesAnIndependentAggregationForShuffledTicksInStreamingAndSortedModes() throws Exception {
        List<Tick> ticks = randomTicks(new Random(42), 5_000);
        List<Bar> expected = aggregateIndependently(ticks, List.of(BarInterval.parse("1m"), BarInterval.parse("5m")));

        // Streaming: ticks shuffled within 30 s of disorder, watermark trailing by 30 s.
        List<Tick> shuffled = shuffleWithin(ticks, 30_000, new Random(7));
        List<Bar> streaming;
        try (var harness = harness("1m,5m", false)) {
            long maxSeen = Long.MIN_VALUE;
            for (Tick tick : shuffled) {
                process(harness, tick);
                maxSeen = Math.max(maxSeen, tick.getEventTime().toEpochMilli());
                harness.processWatermark(new Watermark(maxSeen - 30_001));
            }
            harness.processWatermark(new Watermark(Long.MAX_VALUE));
            assertThat(harness.getSideOutput(DeadLetters.TAG)).isNull();
            streaming = bars(harness);
            assertNoStateLeft(harness);
        }

        // Sorted by time, as BATCH mode delivers each key, with no watermark until the end.
        List<Tick> sorted = new ArrayList<>(ticks);
        sorted.sort(Comparator.comparing((Tick t) -> t.getSymbol()).thenComparing(Tick::getEventTime));
        List<Bar> batch;
        try (var harness = harness("1m,5m", true)) {
            for (Tick tick : sorted) {
                process(harness, tick);
            }
            harness.processWatermark(new Watermark(Long.MAX_VALUE));
            batch = bars(harness);
        }

        // Streaming bars carry their last tick's wall-clock arrival (for the latency metric); nothing else differs.
        assertThat(streaming).allSatisfy(bar -> assertThat(bar.getLastTickArrival()).isPositive());
        assertThat(batch).allSatisfy(bar -> assertThat(bar.getLastTickArrival()).isNull());
        streaming.forEach(bar -> bar.setLastTickArrival(null));
        assertThat(canonical(streaming)).isEqualTo(canonical(expected));
        assertThat(canonical(batch)).isEqualTo(canonical(expected));
        assertThat(expected).hasSizeGreaterThan(100);
    }

    /** Groups ticks by symbol, interval and window, summing in (time, sequence) order. */
    private static List<Bar> aggregateIndependently(List<Tick> ticks, List<BarInterval> intervals) {
        List<Tick> ordered = new ArrayList<>(ticks);
        ordered.sort(Comparator.comparing(Tick::getEventTime).thenComparing(Tick::getSequence));
        List<Bar> bars = new ArrayList<>();
        for (BarInterval interval : intervals) {
            Map<String, List<Tick>> groups = new TreeMap<>();
            for (Tick t : ordered) {
                long start = Math.floorDiv(t.getEventTime().toEpochMilli(), interval.millis()) * interval.millis();
                groups.computeIfAbsent(t.getSymbol() + "@" + start, k -> new ArrayList<>()).add(t);
            }
            for (List<Tick> group : groups.values()) {
                long start = Math.floorDiv(group.get(0).getEventTime().toEpochMilli(), interval.millis())
                        * interval.millis();
                double high = Double.NEGATIVE_INFINITY;
                double low = Double.POSITIVE_INFINITY;
                double volume = 0;
                double notional = 0;
                for (Tick t : group) {
                    high = Math.max(high, t.getPrice());
                    low = Math.min(low, t.getPrice());
                    volume += t.getSize();
                    notional += t.getPrice() * t.getSize();
                }
                bars.add(Bar.newBuilder()
                        .setSymbol(group.get(0).getSymbol()).setInterval(interval.label())
                        .setWindowStart(Instant.ofEpochMilli(start))
                        .setWindowEnd(Instant.ofEpochMilli(start + interval.millis()))
                        .setOpen(group.get(0).getPrice()).setHigh(high).setLow(low)
                        .setClose(group.get(group.size() - 1).getPrice())
                        .setVolume(volume).setTickCount(group.size())
                        .setVwap(volume > 0 ? notional / volume : group.get(group.size() - 1).getPrice())
                        .build());
            }
        }
        return bars;
    }

    private static List<Tick> randomTicks(Random random, int count) {
        List<Tick> ticks = new ArrayList<>();
        String[] symbols = {"AAA", "BBB", "CCC"};
        long time = T0;
        for (int i = 0; i < count; i++) {
            if (random.nextInt(5) != 0) {
                time += random.nextInt(4_000); // sometimes several ticks share a millisecond
            }
            double price = 100 + random.nextGaussian() * 3;
            ticks.add(tick(symbols[random.nextInt(3)], time, price, random.nextInt(20) * 0.1, i));
        }
        return ticks;
    }

    private static List<Tick> shuffleWithin(List<Tick> ticks, long disorder, Random random) {
        Map<Tick, Long> jittered = new java.util.IdentityHashMap<>();
        for (Tick t : ticks) {
            jittered.put(t, t.getEventTime().toEpochMilli() + random.nextLong(disorder));
        }
        List<Tick> shuffled = new ArrayList<>(ticks);
        shuffled.sort(Comparator.comparingLong(jittered::get));
        // Keep it within the disorder the watermark allows: a tick may not follow one more than `disorder` later.
        long maxSeen = Long.MIN_VALUE;
        for (Tick t : shuffled) {
            maxSeen = Math.max(maxSeen, t.getEventTime().toEpochMilli());
            assertThat(t.getEventTime().toEpochMilli()).isGreaterThan(maxSeen - disorder - 1);
        }
        return shuffled;
    }

    private static List<String> canonical(List<Bar> bars) {
        return bars.stream().map(Bar::toString).sorted().toList();
    }

    static KeyedOneInputStreamOperatorTestHarness<String, Tick, Bar> harness(String intervals, boolean sorted)
            throws Exception {
        var function = new TickToBarFunction(BarInterval.parseList(intervals), sorted, "test-ticks");
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(function), t -> t.getSymbol().toString(), Types.STRING);
        harness.open();
        return harness;
    }

    private static void process(KeyedOneInputStreamOperatorTestHarness<String, Tick, Bar> harness, Tick tick)
            throws Exception {
        harness.processElement(tick, tick.getEventTime().toEpochMilli());
    }

    private static List<Bar> bars(KeyedOneInputStreamOperatorTestHarness<String, Tick, Bar> harness) {
        return harness.extractOutputValues();
    }

    private static Bar bar(List<Bar> bars, String symbol) {
        return bars.stream().filter(b -> b.getSymbol().equals(symbol)).findFirst().orElseThrow();
    }

    private static void assertNoStateLeft(KeyedOneInputStreamOperatorTestHarness<String, Tick, Bar> harness) {
        assertThat(harness.numKeyedStateEntries()).as("keyed state entries").isZero();
        assertThat(harness.numEventTimeTimers()).as("event-time timers").isZero();
    }
}
