package io.daytrade.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code daytrade bars} on a MiniCluster, checked against an aggregation written out in the test. */
class BarsCommandTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

    private static final long MINUTE = 60_000L;

    record TickRow(long ts, String symbol, double price, double size, int line) {}

    @Test
    void aggregatesTicksIntoBarsOfSeveralIntervals(@TempDir Path dir) throws IOException {
        List<TickRow> ticks = randomTicks(new Random(5), 20_000);
        Path input = writeTicks(dir.resolve("ticks.csv"), ticks);
        Path out = dir.resolve("bars.csv");

        Cli.Run run = Cli.run("bars", "--ticks", input.toString(), "--interval", "1m,5m,1h", "--out", out.toString(),
                "--parallelism", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("wrote").contains(out.toString());
        List<String> expected = expectedBars(ticks, new String[] {"1m", "5m", "1h"}, new long[] {MINUTE, 5 * MINUTE,
                60 * MINUTE});
        assertThat(Files.readAllLines(out)).containsExactlyElementsOf(expected);
    }

    @Test
    void outputIsIdenticalAtParallelismOneAndTwo(@TempDir Path dir) throws IOException {
        Path input = writeTicks(dir.resolve("ticks.csv"), randomTicks(new Random(9), 5_000));
        Path one = dir.resolve("p1.csv");
        Path two = dir.resolve("p2.csv");
        assertThat(Cli.run("bars", "--ticks", input.toString(), "--interval", "1m", "--out", one.toString(),
                "--parallelism", "1").exitCode()).isZero();
        assertThat(Cli.run("bars", "--ticks", input.toString(), "--interval", "1m", "--out", two.toString(),
                "--parallelism", "2").exitCode()).isZero();
        assertThat(Files.readAllBytes(two)).isEqualTo(Files.readAllBytes(one));
        assertThat(Files.readAllLines(one)).hasSizeGreaterThan(100);
    }

    @Test
    void ticksInAnyFileOrderGiveTheSameBars(@TempDir Path dir) throws IOException {
        // BATCH mode sorts each key's records by time before the keyed operator: the file's order must not matter.
        List<TickRow> ticks = randomTicks(new Random(13), 5_000);
        List<TickRow> scrambled = new ArrayList<>(ticks);
        java.util.Collections.shuffle(scrambled, new Random(1));
        Path sorted = writeTicks(dir.resolve("sorted.csv"), ticks);
        Path shuffled = writeTicks(dir.resolve("shuffled.csv"), scrambled);
        Path fromSorted = dir.resolve("a.csv");
        Path fromShuffled = dir.resolve("b.csv");
        assertThat(Cli.run("bars", "--ticks", sorted.toString(), "--interval", "1m,1h", "--out", fromSorted.toString())
                .exitCode()).isZero();
        assertThat(Cli.run("bars", "--ticks", shuffled.toString(), "--interval", "1m,1h", "--out",
                fromShuffled.toString()).exitCode()).isZero();
        List<String> a = Files.readAllLines(fromSorted);
        List<String> b = Files.readAllLines(fromShuffled);
        assertThat(b).hasSameSizeAs(a);
        // Open and close of bars with equal-time ties may differ (file order decides ties); all else must match.
        for (int i = 0; i < a.size(); i++) {
            String[] x = a.get(i).split(",");
            String[] y = b.get(i).split(",");
            assertThat(List.of(y[0], y[1], y[2], y[4], y[5], y[9])).as("line %d", i)
                    .isEqualTo(List.of(x[0], x[1], x[2], x[4], x[5], x[9]));
            if (i > 0) {
                assertThat(Double.parseDouble(y[7])).as("volume, line %d", i).isCloseTo(Double.parseDouble(x[7]),
                        org.assertj.core.api.Assertions.within(1e-9 * Math.abs(Double.parseDouble(x[7]))));
            }
        }
    }

    @Test
    void acceptsIsoTimestampsAndKeepsFileOrderForEqualTimes(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("ticks.csv");
        Files.writeString(input, String.join("\n",
                "ts,symbol,price,size",
                "2024-01-02T14:30:00.500Z,XYZ,10.5,100",
                "2024-01-02T14:30:00.500Z,XYZ,10.25,50",
                "1704205830000,XYZ,10.75,10",
                "2024-01-02T14:30:59.999Z,XYZ,10.0,5",
                "2024-01-02T14:30:59.999Z,XYZ,10.1,5",
                ""));
        Path out = dir.resolve("bars.csv");
        Cli.Run run = Cli.run("bars", "--ticks", input.toString(), "--interval", "1m", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        double vwap = (10.5 * 100 + 10.25 * 50 + 10.75 * 10 + 10.0 * 5 + 10.1 * 5) / 170;
        assertThat(Files.readAllLines(out)).containsExactly(
                "ts,symbol,open,high,low,close,volume,vwap,tick_count",
                "1704205800000,XYZ,10.5,10.75,10.0,10.1,170.0," + vwap + ",5");
    }

    /** The bars file an independent aggregation expects, line for line, sorted by symbol, ts, interval. */
    static List<String> expectedBars(List<TickRow> ticks, String[] labels, long[] lengths) {
        List<TickRow> ordered = new ArrayList<>(ticks);
        ordered.sort(Comparator.comparingLong(TickRow::ts).thenComparingInt(TickRow::line));
        Map<String, String> rows = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            Map<String, List<TickRow>> groups = new TreeMap<>();
            for (TickRow tick : ordered) {
                long start = Math.floorDiv(tick.ts(), lengths[i]) * lengths[i];
                groups.computeIfAbsent(tick.symbol() + "|" + start, k -> new ArrayList<>()).add(tick);
            }
            for (List<TickRow> group : groups.values()) {
                long start = Math.floorDiv(group.get(0).ts(), lengths[i]) * lengths[i];
                double high = group.stream().mapToDouble(TickRow::price).max().orElseThrow();
                double low = group.stream().mapToDouble(TickRow::price).min().orElseThrow();
                // Bars sum exactly and round once, whatever order the ticks come in.
                java.math.BigDecimal exactVolume = java.math.BigDecimal.ZERO;
                java.math.BigDecimal exactNotional = java.math.BigDecimal.ZERO;
                for (TickRow t : group) {
                    exactVolume = exactVolume.add(new java.math.BigDecimal(t.size()));
                    exactNotional = exactNotional.add(new java.math.BigDecimal(t.price() * t.size()));
                }
                double volume = exactVolume.doubleValue();
                double notional = exactNotional.doubleValue();
                double close = group.get(group.size() - 1).price();
                String line = start + "," + group.get(0).symbol() + "," + labels[i] + "," + group.get(0).price()
                        + "," + high + "," + low + "," + close + "," + volume + ","
                        + (volume > 0 ? notional / volume : close) + "," + group.size();
                String sortKey = String.format(Locale.ROOT, "%s|%020d|%d", group.get(0).symbol(), start + (1L << 62), i);
                rows.put(sortKey, line);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("ts,symbol,interval,open,high,low,close,volume,vwap,tick_count");
        lines.addAll(rows.values());
        return lines;
    }

    static List<TickRow> randomTicks(Random random, int count) {
        String[] symbols = {"AAA", "BBB", "CCC", "DDD"};
        long time = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
        double[] prices = {10, 20, 30, 40};
        List<TickRow> ticks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            time += random.nextInt(3) == 0 ? 0 : random.nextInt(2_000);
            int s = random.nextInt(symbols.length);
            prices[s] = Math.max(0.01, prices[s] * (1 + random.nextGaussian() * 0.001));
            ticks.add(new TickRow(time, symbols[s], prices[s], random.nextInt(500) / 10.0, i + 2));
        }
        return ticks;
    }

    static Path writeTicks(Path file, List<TickRow> ticks) throws IOException {
        StringBuilder text = new StringBuilder("ts,symbol,price,size\n");
        for (TickRow t : ticks) {
            text.append(t.ts()).append(',').append(t.symbol()).append(',').append(t.price()).append(',')
                    .append(t.size()).append('\n');
        }
        return Files.writeString(file, text);
    }
}
