package io.daytrade.operators.bars;

import static io.daytrade.operators.bars.Ticks.tick;
import static org.assertj.core.api.Assertions.assertThat;

import io.daytrade.schemas.Bar;
import io.daytrade.schemas.DeadLetter;
import io.daytrade.schemas.Tick;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class BarsStageTest {

    private static final long MINUTE = 60_000L;
    private static final long T0 = 1_700_000_040_000L - 1_700_000_040_000L % (5 * MINUTE);

    @Test
    void buildsOhlcvBarsPerSymbol() throws Exception {
        try (var harness = harness("1m", false)) {
            harness.process(tick("AAA", T0 + 1_000, 10.0, 1, 1));
            harness.process(tick("BBB", T0 + 2_000, 50.0, 2, 2));
            harness.process(tick("AAA", T0 + 3_000, 12.0, 3, 3));
            harness.process(tick("AAA", T0 + 4_000, 9.0, 2, 4));
            harness.process(tick("AAA", T0 + 5_000, 11.0, 4, 5));
            harness.watermark(T0 + MINUTE - 1);

            List<Bar> bars = harness.bars();
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
            harness.process(tick("AAA", T0 + 1_000, 10.0, 1, 1));
            harness.process(tick("AAA", T0 + 3 * MINUTE + 1_000, 11.0, 1, 2));
            harness.endOfInput();
            assertThat(harness.bars()).extracting(b -> b.getWindowStart().toEpochMilli())
                    .containsExactly(T0, T0 + 3 * MINUTE);
        }
    }

    @Test
    void outOfOrderTickWithinTheDisorderLandsInItsBarAndSetsTheOpen() throws Exception {
        try (var harness = harness("1m", false)) {
            harness.process(tick("AAA", T0 + 30_000, 10.0, 1, 1));
            harness.process(tick("AAA", T0 + MINUTE + 1_000, 20.0, 1, 2));
            harness.watermark(T0 + 20_000); // 20 s of allowed disorder
            harness.process(tick("AAA", T0 + 25_000, 8.0, 1, 3)); // arrives late, but within it
            harness.endOfInput();

            List<Bar> bars = harness.bars();
            assertThat(bars).hasSize(2);
            assertThat(bars.get(0).getOpen()).isEqualTo(8.0);
            assertThat(bars.get(0).getClose()).isEqualTo(10.0);
            assertThat(bars.get(0).getTickCount()).isEqualTo(2);
            assertThat(bars.get(1).getOpen()).isEqualTo(20.0);
            assertThat(harness.deadLetters()).isEmpty();
        }
    }

    @Test
    void tickBehindTheWatermarkGoesToDeadLettersAsLate() throws Exception {
        try (var harness = harness("1m", false)) {
            harness.process(tick("AAA", T0 + 30_000, 10.0, 1, 1));
            harness.watermark(T0 + MINUTE + 5_000);
            harness.process(tick("AAA", T0 + 40_000, 99.0, 1, 7));
            harness.endOfInput();

            assertThat(harness.bars()).singleElement().satisfies(b -> {
                assertThat(b.getHigh()).isEqualTo(10.0);
                assertThat(b.getTickCount()).isEqualTo(1);
            });
            List<DeadLetter> dead = harness.deadLetters();
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
            harness.process(tick("AAA", T0 + 5_000, 12.0, 1, 2));
            harness.process(tick("AAA", T0 + 5_000, 11.0, 1, 1));
            harness.process(tick("AAA", T0 + 9_000, 13.0, 1, 4));
            harness.process(tick("AAA", T0 + 9_000, 14.0, 1, 3));
            harness.endOfInput();
            Bar bar = harness.bars().get(0);
            assertThat(bar.getOpen()).isEqualTo(11.0);
            assertThat(bar.getClose()).isEqualTo(13.0);
        }
    }

    @Test
    void buildsSeveralIntervalsAtOnce() throws Exception {
        try (var harness = harness("1m,5m", false)) {
            for (int i = 0; i < 10; i++) {
                harness.process(tick("AAA", T0 + i * MINUTE + 1_000, 10.0 + i, 1, i));
            }
            harness.endOfInput();
            Map<String, List<Bar>> byInterval = harness.bars().stream()
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
            harness.process(tick("AAA", -1, 10.0, 1, 1));
            harness.endOfInput();
            assertThat(harness.bars().get(0).getWindowStart()).isEqualTo(Instant.ofEpochMilli(-MINUTE));
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
                harness.process(tick);
                maxSeen = Math.max(maxSeen, tick.getEventTime().toEpochMilli());
                harness.watermark(maxSeen - 30_001);
            }
            harness.endOfInput();
            assertThat(harness.deadLetters()).isEmpty();
            streaming = harness.bars();
            assertNoStateLeft(harness);
        }

        // Sorted by time, as BATCH mode delivers each key, with no watermark until the end.
        List<Tick> sorted = new ArrayList<>(ticks);
        sorted.sort(Comparator.comparing((Tick t) -> t.getSymbol()).thenComparing(Tick::getEventTime));
        List<Bar> batch;
        try (var harness = harness("1m,5m", true)) {
            for (Tick tick : sorted) {
                harness.process(tick);
            }
            harness.endOfInput();
            batch = harness.bars();
        }

        // Streaming bars carry their last tick's wall-clock arrival (for the latency metric); nothing else differs.
        assertThat(streaming).allSatisfy(bar -> assertThat(bar.getLastTickArrival()).isPositive());
        assertThat(batch).allSatisfy(bar -> assertThat(bar.getLastTickArrival()).isNull());
        streaming.forEach(bar -> bar.setLastTickArrival(null));
        assertThat(canonical(streaming)).isEqualTo(canonical(expected));
        assertThat(canonical(batch)).isEqualTo(canonical(expected));
        assertThat(expected).hasSizeGreaterThan(100);
    }

    @Test
    void ticksSpreadOverSubtasksWithBarriersAndIdlenessGiveByteIdenticalBars() throws Exception {
        List<Tick> ticks = randomTicks(new Random(11), 4_000);
        List<Bar> expected = aggregateIndependently(ticks, List.of(BarInterval.parse("1m"), BarInterval.parse("5m")));
        for (long seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            List<Tick> shuffled = shuffleWithin(ticks, 30_000, random);
            try (var harness = new BarsStageHarness("1m,5m", false, 2)) {
                List<Bar> bars = overTwoSubtasks(harness, shuffled, random, 300, harness::barrier);
                assertThat(canonical(bars)).as("seed %d", seed).isEqualTo(canonical(expected));
                assertNoStateLeft(harness);
            }
        }
    }

    /** The live job's keyed stage: RocksDB behind a state cache smaller than the symbols, restored from snapshots. */
    @Test
    void aCachedRocksDbAssemblerRestoredFromSnapshotsGivesTheSameBars() throws Exception {
        List<Tick> ticks = randomTicks(new Random(12), 4_000);
        List<Bar> expected = aggregateIndependently(ticks, List.of(BarInterval.parse("1m"), BarInterval.parse("5m")));
        Random random = new Random(5);
        List<Tick> shuffled = shuffleWithin(ticks, 30_000, random);
        for (int cachedKeys : new int[] {1, 1024}) {
            try (var harness = new BarsStageHarness("1m,5m", false, 2, cachedKeys)) {
                List<Bar> bars = overTwoSubtasks(harness, shuffled, random, 400,
                        subtask -> harness.restoreAssemblerFromSnapshot());
                assertThat(canonical(bars)).as("%d cached keys", cachedKeys).isEqualTo(canonical(expected));
            }
        }
    }

    @Test
    void sendsOnePartPerBarOverTheShuffleWhenTicksComeInOrder() throws Exception {
        try (var harness = harness("1m", false)) {
            for (int i = 0; i < 600; i++) {
                harness.process(tick(i % 2 == 0 ? "AAA" : "BBB", T0 + i * 1_000L, 10.0 + i % 7, 1, i));
                if (i % 20 == 0) {
                    harness.watermark(T0 + i * 1_000L - 1);
                }
            }
            harness.endOfInput();
            assertThat(harness.bars()).hasSize(20); // 10 minutes of 2 symbols
            assertThat(harness.partsSent()).isEqualTo(20);
        }
    }

    @Test
    void aBarOfSeveralPartsHasOneTimerAndClosesOnce() throws Exception {
        try (var harness = new BarsStageHarness("1m", false, 2)) {
            harness.process(0, tick("AAA", T0 + 1_000, 10.0, 1, 1));
            harness.barrier(0);
            harness.process(1, tick("AAA", T0 + 2_000, 11.0, 2, 2));
            harness.barrier(1);
            harness.process(0, tick("AAA", T0 + 3_000, 12.0, 4, 3));
            harness.barrier(0);
            assertThat(harness.partsSent()).isEqualTo(3);
            assertThat(harness.timers()).isEqualTo(1);
            harness.watermark(T0 + MINUTE);
            assertThat(harness.bars()).singleElement().satisfies(bar -> {
                assertThat(bar.getTickCount()).isEqualTo(3);
                assertThat(bar.getVolume()).isEqualTo(7.0);
                assertThat(bar.getClose()).isEqualTo(12.0);
            });
            assertNoStateLeft(harness);
        }
    }

    @Test
    void aSubtaskGoingIdleSendsItsPartsBeforeOthersMoveTheWatermark() throws Exception {
        try (var harness = new BarsStageHarness("1m", false, 2)) {
            harness.process(0, tick("AAA", T0 + 1_000, 10.0, 1, 1));
            harness.process(1, tick("AAA", T0 + 2_000, 11.0, 2, 2));
            harness.idle(1);
            harness.process(0, tick("AAA", T0 + 3 * MINUTE, 12.0, 1, 3));
            harness.watermark(0, T0 + 2 * MINUTE);
            assertThat(harness.bars()).singleElement().satisfies(bar -> {
                assertThat(bar.getTickCount()).isEqualTo(2);
                assertThat(bar.getVolume()).isEqualTo(3.0);
                assertThat(bar.getClose()).isEqualTo(11.0);
            });
        }
    }

    @Test
    void ticksOfAnInputResumingBehindTheWatermarkBecomeOneLateDeadLetter() throws Exception {
        try (var harness = new BarsStageHarness("1m", false, 2)) {
            harness.idle(1);
            harness.process(0, tick("AAA", T0 + 1_000, 10.0, 1, 1));
            harness.watermark(0, T0 + 2 * MINUTE);
            // Subtask 1 resumes with ticks its own watermark allows but the bar stage's does not.
            harness.process(1, tick("AAA", T0 + 10_000, 11.0, 2, 2));
            harness.process(1, tick("AAA", T0 + 20_000, 12.0, 3, 3));
            harness.watermark(1, T0 + 90_000);
            assertThat(harness.bars()).singleElement().satisfies(bar -> assertThat(bar.getTickCount()).isEqualTo(1));
            assertThat(harness.deadLetters()).singleElement().satisfies(dead -> {
                assertThat(dead.getReason()).isEqualTo("late");
                assertThat(dead.getDetail()).startsWith("2 ticks of AAA in the 1m bar from");
                assertThat(java.nio.charset.StandardCharsets.UTF_8.decode(dead.getPayload()).toString())
                        .contains("\"ticks\":2").contains("\"volume\":5.0");
            });
        }
    }

    @Test
    void aLatePartsSummaryIsValidJsonWhateverTheSymbol() throws Exception {
        String symbol = "ODD\"SYM\\BOL";
        try (var harness = new BarsStageHarness("1m", false, 2)) {
            harness.idle(1);
            harness.process(0, tick(symbol, T0 + 1_000, 10.0, 1, 1));
            harness.watermark(0, T0 + 2 * MINUTE);
            harness.process(1, tick(symbol, T0 + 10_000, 11.0, 2, 2));
            harness.watermark(1, T0 + 90_000);
            assertThat(harness.deadLetters()).singleElement().satisfies(dead -> {
                var summary = new org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(java.nio.charset.StandardCharsets.UTF_8.decode(dead.getPayload()).toString());
                assertThat(summary.get("symbol").asText()).isEqualTo(symbol);
                assertThat(summary.get("interval").asText()).isEqualTo("1m");
                assertThat(summary.get("ticks").asInt()).isEqualTo(1);
                assertThat(summary.get("volume").asDouble()).isEqualTo(2.0);
            });
        }
    }

    /** Groups ticks by symbol, interval and window; sums exactly (BigDecimal), rounded once at the end. */
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
                BigDecimal exactVolume = BigDecimal.ZERO;
                BigDecimal exactNotional = BigDecimal.ZERO;
                for (Tick t : group) {
                    high = Math.max(high, t.getPrice());
                    low = Math.min(low, t.getPrice());
                    exactVolume = exactVolume.add(new BigDecimal(t.getSize()));
                    exactNotional = exactNotional.add(new BigDecimal(t.getPrice() * t.getSize()));
                }
                double volume = exactVolume.doubleValue();
                double notional = exactNotional.doubleValue();
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

    static BarsStageHarness harness(String intervals, boolean sorted) throws Exception {
        return new BarsStageHarness(intervals, sorted);
    }

    private static Bar bar(List<Bar> bars, String symbol) {
        return bars.stream().filter(b -> b.getSymbol().equals(symbol)).findFirst().orElseThrow();
    }

    /** What happens now and then while ticks come in, on the subtask that just had one. */
    private interface Interruption {
        void on(int subtask) throws Exception;
    }

    /**
     * Each tick to a random one of two pre-aggregating subtasks, whose watermark trails only its own ticks
     * by the allowed disorder, sent one tick in 50; one tick in {@code interruptOneIn} is followed by
     * {@code interruption}. Returns the bars, without their arrival times, after the end of the input,
     * which must give no dead letters.
     */
    private static List<Bar> overTwoSubtasks(BarsStageHarness harness, List<Tick> ticks, Random random,
            int interruptOneIn, Interruption interruption) throws Exception {
        long[] maxSeen = {Long.MIN_VALUE, Long.MIN_VALUE};
        for (Tick tick : ticks) {
            int subtask = random.nextInt(2);
            harness.process(subtask, tick);
            maxSeen[subtask] = Math.max(maxSeen[subtask], tick.getEventTime().toEpochMilli());
            long globalMax = Math.max(maxSeen[0], maxSeen[1]);
            if (random.nextInt(50) == 0) {
                harness.watermark(subtask, Math.min(maxSeen[subtask], globalMax) - 30_001);
            }
            if (random.nextInt(interruptOneIn) == 0) {
                interruption.on(subtask);
            }
        }
        harness.endOfInput();
        assertThat(harness.deadLetters()).isEmpty();
        List<Bar> bars = harness.bars();
        bars.forEach(bar -> bar.setLastTickArrival(null));
        return bars;
    }

    private static void assertNoStateLeft(BarsStageHarness harness) {
        assertThat(harness.keyedStateEntries()).as("keyed state entries").isZero();
        assertThat(harness.timers()).as("event-time timers").isZero();
    }
}
