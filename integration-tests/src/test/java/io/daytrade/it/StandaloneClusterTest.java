package io.daytrade.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.daytrade.indicators.SharedData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The research commands on a real standalone cluster (several JVMs) give what they give on the embedded one. */
class StandaloneClusterTest {

    @RegisterExtension
    static final FlinkClusterExtension FLINK = new FlinkClusterExtension(2);

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

    @Test
    void aSweepOnTheClusterWritesTheSameFilesAsOnTheEmbeddedOne(@TempDir Path dir) throws Exception {
        assertThat(FLINK.rest().taskManagers()).isEqualTo(2);
        assertThat(FLINK.rest().slots()[0]).isEqualTo(4);
        String bars = SharedData.real("sectors-daily.csv").toString();
        List<String> sweep = List.of("sweep", "--bars", bars, "--strategy", "ema_cross", "--grid", "fast=5..15:5,slow=20..40:10",
                "--periods-per-year", "252", "--fee-bps", "2");

        Cli.Run embedded = Cli.run(with(sweep, "--parallelism", "2", "--out", dir.resolve("embedded").toString()));
        assertThat(embedded.exitCode()).as(embedded.err()).isZero();
        // Across four slots in two task managers: the shuffles go over the network between JVMs.
        Cli.Run onCluster = Cli.run(with(sweep, "--parallelism", "4", "--out", dir.resolve("cluster").toString(),
                "--cluster", FLINK.url()));
        assertThat(onCluster.exitCode()).as(onCluster.err()).isZero();
        assertThat(onCluster.out()).contains("evaluated 9 parameter sets on 11 symbols");

        assertThat(Files.readAllBytes(dir.resolve("cluster/results.csv")))
                .isEqualTo(Files.readAllBytes(dir.resolve("embedded/results.csv")));
        assertThat(Files.readAllBytes(dir.resolve("cluster/summary.json")))
                .isEqualTo(Files.readAllBytes(dir.resolve("embedded/summary.json")));
        assertThat(FLINK.rest().jobs().values()).anyMatch(state -> state.startsWith("FINISHED daytrade sweep"));
    }

    @Test
    void aMonteCarloOnTheClusterToo(@TempDir Path dir) throws Exception {
        Cli.Run backtest = Cli.run("backtest", "--bars", SharedData.real("BTC-USD-4h.csv").toString(), "--strategy",
                "sma_cross(fast=10,slow=40)", "--out", dir.resolve("bt").toString());
        assertThat(backtest.exitCode()).as(backtest.err()).isZero();
        List<String> monteCarlo = List.of("monte-carlo", "--from", dir.resolve("bt").toString(), "--paths", "2000",
                "--seed", "4");
        assertThat(Cli.run(with(monteCarlo, "--out", dir.resolve("embedded").toString())).exitCode()).isZero();
        Cli.Run onCluster = Cli.run(with(monteCarlo, "--out", dir.resolve("cluster").toString(), "--parallelism", "3",
                "--cluster", FLINK.url()));
        assertThat(onCluster.exitCode()).as(onCluster.err()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("cluster/paths.csv")))
                .isEqualTo(Files.readAllBytes(dir.resolve("embedded/paths.csv")));
    }

    @Test
    void noClusterIsAOneLineError(@TempDir Path dir) {
        Cli.Run run = Cli.run("sweep", "--bars", SharedData.real("AAPL-daily.csv").toString(), "--strategy", "sma_cross",
                "--grid", "fast=5", "--out", dir.toString(), "--cluster", "http://127.0.0.1:1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("daytrade sweep: error: no Flink cluster answers at http://127.0.0.1:1");
    }

    private static String[] with(List<String> base, String... more) {
        List<String> all = new java.util.ArrayList<>(base);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
