package io.daytrade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.daytrade.indicators.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code daytrade monte-carlo} on a MiniCluster, from a real backtest. */
class MonteCarloCommandTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    static Path backtest;
    static JsonNode report;

    @BeforeAll
    static void backtest() throws IOException {
        backtest = shared.resolve("bt");
        Cli.Run run = Cli.run("backtest", "--bars", SharedData.real("ETH-USD-4h.csv").toString(), "--strategy",
                "ema_cross(fast=12,slow=26)", "--fee-bps", "5", "--out", backtest.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        report = JSON.readTree(backtest.resolve("report.json").toFile());
    }

    private static Cli.Run monteCarlo(Path out, String... more) {
        String[] base = {"monte-carlo", "--from", backtest.toString(), "--paths", "3000", "--out", out.toString()};
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return Cli.run(all);
    }

    @Test
    void theSameSeedGivesTheSameFilesAtAnyParallelism(@TempDir Path dir) throws IOException {
        for (String p : new String[] {"1", "2"}) {
            Cli.Run run = monteCarlo(dir.resolve("p" + p), "--seed", "11", "--parallelism", p);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("3000 paths by trades: probability of loss");
        }
        assertThat(Files.readAllBytes(dir.resolve("p2/paths.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("p1/paths.csv")));
        assertThat(Files.readAllBytes(dir.resolve("p2/monte-carlo.json")))
                .isEqualTo(Files.readAllBytes(dir.resolve("p1/monte-carlo.json")));
        assertThat(monteCarlo(dir.resolve("other"), "--seed", "12").exitCode()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("other/paths.csv"))).isNotEqualTo(Files.readAllBytes(dir.resolve("p1/paths.csv")));
    }

    @Test
    void percentilesAndLossProbabilityFollowFromThePaths(@TempDir Path dir) throws Exception {
        Cli.Run run = monteCarlo(dir, "--method", "blocks", "--block", "30", "--seed", "5");
        assertThat(run.exitCode()).as(run.err()).isZero();
        CsvTable paths = CsvTable.read(dir.resolve("paths.csv"));
        assertThat(paths.rows).hasSize(3000);
        JsonNode result = JSON.readTree(dir.resolve("monte-carlo.json").toFile());

        double capital = 100_000;
        double[] finals = paths.rows.stream().mapToDouble(r -> Double.parseDouble(r[1])).sorted().toArray();
        // p5 by linear interpolation between ranks, computed here independently.
        double rank = 0.05 * (finals.length - 1);
        int below = (int) rank;
        double p5 = finals[below] + (rank - below) * (finals[below + 1] - finals[below]);
        assertThat(result.path("percentiles").path("final_equity").path("p5").asDouble()).isEqualTo(p5);
        assertThat(result.path("percentiles").path("final_equity").path("p50").asDouble()).isEqualTo((finals[1499] + finals[1500]) / 2);
        long losses = Arrays.stream(finals).filter(f -> f < capital).count();
        assertThat(result.path("probability_of_loss").asDouble()).isEqualTo(losses / 3000.0);

        // Unshuffled, the bar returns give back the backtest's own equity and drawdown.
        assertThat(result.path("backtest").path("final_equity").asDouble())
                .isCloseTo(capital * (1 + report.path("total_return").asDouble()), within(capital * 1e-10));
        assertThat(result.path("backtest").path("max_drawdown").asDouble())
                .isCloseTo(report.path("max_drawdown").asDouble(), within(1e-9));
        assertThat(result.path("backtest").path("sharpe").asDouble()).isCloseTo(report.path("sharpe").asDouble(), within(1e-9));

        var page = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("report.html").toFile());
        assertThat(page.getElementsByTagName("svg").getLength()).isEqualTo(3);
        assertThat(page.getElementsByTagName("rect").getLength()).isEqualTo(3 * 50);
    }

    @Test
    void tradeReturnsCompoundToTheBacktestsEquity(@TempDir Path dir) throws IOException {
        Cli.Run run = monteCarlo(dir, "--method", "trades");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = JSON.readTree(dir.resolve("monte-carlo.json").toFile());
        assertThat(result.path("resampled").asInt()).isEqualTo(report.path("trades").asInt()).isGreaterThan(10);
        assertThat(result.path("backtest").path("final_equity").asDouble())
                .isCloseTo(100_000 * (1 + report.path("total_return").asDouble()), within(100_000 * 1e-10));
    }

    @Test
    void mistakesAreOneLine(@TempDir Path dir) {
        Cli.Run missing = Cli.run("monte-carlo", "--from", dir.resolve("nope").toString(), "--out", dir.resolve("o").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("daytrade monte-carlo: error: --from").contains("no such directory");
        Cli.Run notABacktest = Cli.run("monte-carlo", "--from", dir.toString(), "--out", dir.resolve("o").toString());
        assertThat(notABacktest.err()).contains("has no report.json");
        Cli.Run method = monteCarlo(dir.resolve("o"), "--method", "bootstrap");
        assertThat(method.err()).contains("--method must be trades or blocks");
        Cli.Run block = monteCarlo(dir.resolve("o"), "--method", "blocks", "--block", "999999");
        assertThat(block.exitCode()).isEqualTo(2);
        assertThat(block.err()).contains("--block must be between 1 and the");
    }
}
