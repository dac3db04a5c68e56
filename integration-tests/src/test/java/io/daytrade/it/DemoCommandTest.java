package io.daytrade.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

    @Test
    void runsTheIndicatorJobOverTheBundledSampleAndPrintsTheLatestValues(@TempDir Path dir) throws IOException {
        Cli.Run run = Cli.run("demo", "--batch", "--out", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("AAPL", "BTC-USD", "ETH-USD", "rsi_14", "wrote 2252 rows");
        CsvTable table = CsvTable.read(dir.resolve("indicators.csv"));
        assertThat(table.rows).hasSize(2252);
        assertThat(table.header).startsWith("ts", "symbol", "sma_20", "ema_50", "rsi_14");
        assertThat(Files.exists(dir.resolve("sample-bars.csv"))).isTrue();
    }
}
