package io.daytrade.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.daytrade.backtest.PerformanceMetrics;
import io.daytrade.indicators.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code daytrade sweep} on a MiniCluster: every row must be what {@code backtest} says for its parameters. */
class SweepCommandTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] COSTS = {"--fee-bps", "3", "--slippage-bps", "2", "--allow-short",
            "--stop-loss-pct", "0.08", "--periods-per-year", "252"};

    private static Cli.Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(COSTS));
        return Cli.run(all.toArray(String[]::new));
    }

    @Test
    void eachRowEqualsABacktestWithTheSameParameters(@TempDir Path dir) throws IOException {
        Path bars = SharedData.real("sectors-daily.csv");
        Cli.Run sweep = run("sweep", "--bars", bars.toString(), "--strategy", "sma_cross",
                "--grid", "fast=5..15:5,slow=10..30:10", "--parallelism", "2", "--out", dir.resolve("sweep").toString());
        assertThat(sweep.exitCode()).as(sweep.err()).isZero();
        assertThat(sweep.out()).contains("evaluated 7 parameter sets on 11 symbols (2 skipped as invalid)");

        CsvTable results = CsvTable.read(dir.resolve("sweep/results.csv"));
        List<String> expectedHeader = new ArrayList<>(List.of("symbol", "fast", "slow"));
        expectedHeader.addAll(PerformanceMetrics.names());
        assertThat(results.header).isEqualTo(expectedHeader);
        assertThat(results.rows).hasSize(7 * 11);

        for (String[] parameters : List.of(new String[] {"5", "20"}, new String[] {"15", "30"})) {
            Path report = dir.resolve("bt-" + parameters[0] + "-" + parameters[1]);
            Cli.Run backtest = run("backtest", "--bars", bars.toString(), "--strategy",
                    "sma_cross(fast=" + parameters[0] + ",slow=" + parameters[1] + ")", "--out", report.toString());
            assertThat(backtest.exitCode()).as(backtest.err()).isZero();
            assertRowsEqualReport(results, JSON.readTree(report.resolve("report.json").toFile()), 1, parameters);
        }
    }

    @Test
    void aThresholdStrategyToo(@TempDir Path dir) throws IOException {
        Path bars = SharedData.real("ETH-USD-4h.csv");
        Cli.Run sweep = run("sweep", "--bars", bars.toString(), "--strategy", "rsi_reversion(high=70)",
                "--grid", "n=7..21:7,low=20|30", "--out", dir.resolve("sweep").toString());
        assertThat(sweep.exitCode()).as(sweep.err()).isZero();
        CsvTable results = CsvTable.read(dir.resolve("sweep/results.csv"));
        assertThat(results.rows).hasSize(6);

        Cli.Run backtest = run("backtest", "--bars", bars.toString(), "--strategy", "rsi_reversion(n=14,low=30,high=70)",
                "--out", dir.resolve("bt").toString());
        assertThat(backtest.exitCode()).as(backtest.err()).isZero();
        JsonNode report = JSON.readTree(dir.resolve("bt/report.json").toFile());
        String[] row = results.rows.stream().filter(r -> r[1].equals("14") && r[2].equals("30")).findFirst().orElseThrow();
        assertThat(report.path("trades").asLong()).isGreaterThan(3);
        assertMetricsEqual(results, row, report);
    }

    @Test
    void theFilesAreTheSameAtAnyParallelism(@TempDir Path dir) throws IOException {
        Path bars = SharedData.real("sectors-daily.csv");
        // Up to four subtasks the histories are chained to the file's readers; at six the bars are shuffled.
        for (String p : List.of("1", "2", "6")) {
            Cli.Run sweep = run("sweep", "--bars", bars.toString(), "--strategy", "ema_cross",
                    "--grid", "fast=3..30:3,slow=10..100:10", "--random", "25", "--seed", "9", "--metric", "sortino",
                    "--top", "5", "--parallelism", p, "--out", dir.resolve("p" + p).toString());
            assertThat(sweep.exitCode()).as(sweep.err()).isZero();
        }
        assertThat(Files.readAllBytes(dir.resolve("p2/results.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("p1/results.csv")));
        assertThat(Files.readAllBytes(dir.resolve("p2/summary.json"))).isEqualTo(Files.readAllBytes(dir.resolve("p1/summary.json")));
        assertThat(Files.readAllBytes(dir.resolve("p6/results.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("p1/results.csv")));
        assertThat(Files.readAllBytes(dir.resolve("p6/summary.json"))).isEqualTo(Files.readAllBytes(dir.resolve("p1/summary.json")));

        JsonNode summary = JSON.readTree(dir.resolve("p1/summary.json").toFile());
        assertThat(summary.path("combinations").asInt()).isEqualTo(25);
        assertThat(summary.path("parameter_sets").asInt() + summary.path("skipped").asInt()).isEqualTo(25);
        assertThat(summary.path("evaluated").asInt()).isEqualTo(summary.path("parameter_sets").asInt() * 11);
        assertThat(summary.path("top")).hasSize(5);
        double best = summary.path("top").get(0).path("metrics").path("sortino").asDouble();
        CsvTable results = CsvTable.read(dir.resolve("p1/results.csv"));
        int sortino = results.column("sortino");
        double max = results.rows.stream().filter(r -> !r[sortino].isEmpty())
                .mapToDouble(r -> Double.parseDouble(r[sortino])).max().orElseThrow();
        assertThat(best).isEqualTo(max);
    }

    @Test
    void progressIsDrawnFromTheJobsAccumulatorsWhenAsked(@TempDir Path dir) {
        System.setProperty("daytrade.progress", "always");
        try {
            Cli.Run run = Cli.run("sweep", "--bars", SharedData.real("sectors-daily.csv").toString(), "--strategy",
                    "sma_cross", "--grid", "fast=5..20:5,slow=30..60:10", "--out", dir.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            // 16 parameter sets x 11 symbols, counted by the job's evaluators and planners.
            assertThat(run.err()).contains("\rsweep [##############################] 176/176 100%").contains("/s  ETA");
        } finally {
            System.clearProperty("daytrade.progress");
        }
        Cli.Run quiet = Cli.run("sweep", "--bars", SharedData.real("AAPL-daily.csv").toString(), "--strategy",
                "sma_cross", "--grid", "fast=5,slow=30", "--out", dir.resolve("quiet").toString());
        assertThat(quiet.err()).isEmpty();
    }

    @Test
    void mistakesAreOneLineAndBadInputIsReported(@TempDir Path dir) throws IOException {
        String bars = SharedData.real("AAPL-daily.csv").toString();
        String out = dir.resolve("out").toString();
        assertUsageError(Cli.run("sweep", "--bars", bars, "--strategy", "sma_cross", "--grid", "fast=a..3", "--out", out),
                "--grid: fast:");
        assertUsageError(Cli.run("sweep", "--bars", bars, "--strategy", "sma_cross", "--grid", "speed=1..3", "--out", out),
                "does not take; it takes fast, slow");
        assertUsageError(Cli.run("sweep", "--bars", bars, "--strategy", "sma_cross", "--grid", "fast=50,slow=10|20",
                "--out", out), "none of its 2 combinations is valid");
        assertUsageError(Cli.run("sweep", "--bars", bars, "--strategy", "sma_cross", "--grid", "fast=5", "--metric", "joy",
                "--out", out), "unknown metric 'joy'");
        assertUsageError(Cli.run("sweep", "--bars", bars, "--strategy", "moon_phase", "--grid", "fast=5", "--out", out),
                "--strategy: unknown strategy");

        Path broken = dir.resolve("broken.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(SharedData.real("AAPL-daily.csv")));
        lines.set(100, lines.get(100).replaceFirst(",AAPL,[^,]+,", ",AAPL,not-a-price,"));
        Files.write(broken, lines);
        Cli.Run run = Cli.run("sweep", "--bars", broken.toString(), "--strategy", "sma_cross", "--grid",
                "fast=5|10,slow=20", "--out", out);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains(broken + ":101:").contains("rejected 1 input record");
        assertThat(CsvTable.read(dir.resolve("out/results.csv")).rows).hasSize(2);
        assertThat(Files.readAllLines(dir.resolve("out/dead-letters.csv"))).hasSize(2);
    }

    private static void assertUsageError(Cli.Run run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("daytrade sweep: error: ").contains(message).doesNotContain("\tat ");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    /** Every symbol's row with these parameters equals that symbol's metrics in a multi-symbol report. */
    private static void assertRowsEqualReport(CsvTable results, JsonNode report, int firstParameter, String[] parameters) {
        List<String[]> rows = results.rows.stream().filter(r -> r[firstParameter].equals(parameters[0])
                && r[firstParameter + 1].equals(parameters[1])).toList();
        assertThat(rows).hasSize(report.path("symbols").size()).hasSize(11);
        long trades = 0;
        for (String[] row : rows) {
            assertMetricsEqual(results, row, report.path("symbols").path(row[0]));
            trades += Long.parseLong(row[results.column("trades")]);
        }
        assertThat(trades).isGreaterThan(11);
    }

    private static void assertMetricsEqual(CsvTable results, String[] row, JsonNode metrics) {
        for (String name : PerformanceMetrics.names()) {
            String cell = row[results.column(name)];
            JsonNode expected = metrics.path(name);
            assertThat(expected.isMissingNode()).as(name).isFalse();
            if (expected.isNull()) {
                assertThat(cell).as(row[0] + " " + name).isEmpty();
            } else {
                assertThat(Double.parseDouble(cell)).as(row[0] + " " + name).isEqualTo(expected.asDouble());
            }
        }
    }
}
