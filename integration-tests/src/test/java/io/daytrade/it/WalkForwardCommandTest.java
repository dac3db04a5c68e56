package io.daytrade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.daytrade.indicators.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code daytrade walk-forward} on a MiniCluster. */
class WalkForwardCommandTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GRID = "fast=5..25:10,slow=20..120:50";

    private static Cli.Run walkForward(Path bars, Path out) {
        return Cli.run("walk-forward", "--bars", bars.toString(), "--strategy", "sma_cross", "--grid", GRID,
                "--train", "2y", "--test", "6m", "--metric", "sharpe", "--fee-bps", "2", "--out", out.toString());
    }

    @Test
    void windowsChooseOnTrainTestAfterAndStitch(@TempDir Path dir) throws Exception {
        Path bars = SharedData.real("BTC-USD-4h.csv");
        Cli.Run run = walkForward(bars, dir.resolve("wf"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("BTC-USD: 15 windows; sharpe in sample (mean)");

        CsvTable windows = CsvTable.read(dir.resolve("wf/windows.csv"));
        assertThat(windows.rows).hasSize(15);
        double compounded = 1;
        for (String[] w : windows.rows) {
            assertThat(w[windows.column("test_start")]).isEqualTo(w[windows.column("train_end")]);
            compounded *= 1 + Double.parseDouble(w[windows.column("out_of_sample_total_return")]);
        }
        List<String> equity = Files.readAllLines(dir.resolve("wf/equity.csv"));
        double last = Double.parseDouble(equity.get(equity.size() - 1).split(",")[2]);
        assertThat(last / 100_000).isCloseTo(compounded, within(compounded * 1e-9));
        JsonNode report = JSON.readTree(dir.resolve("wf/walk-forward.json").toFile());
        assertThat(report.path("symbols").path("BTC-USD").path("out_of_sample").path("total_return").asDouble())
                .isCloseTo(compounded - 1, within(1e-6));

        // Window 0 trains from the first bar: its in-sample metrics are a backtest of just the train slice.
        JsonNode first = report.path("symbols").path("BTC-USD").path("windows").get(0);
        // Fields in a fixed order, so that the same input writes the same bytes in every JVM.
        for (String slice : List.of("train", "test")) {
            List<String> fields = new ArrayList<>();
            first.path(slice).fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as(slice).containsExactly("from", "to", "bars");
        }
        String[] row0 = windows.rows.get(0);
        Path trainSlice = dir.resolve("train0.csv");
        long trainEnd = Long.parseLong(row0[windows.column("train_end")]);
        List<String> lines = Files.readAllLines(bars);
        List<String> slice = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().skip(1).filter(l -> Long.parseLong(l.split(",")[0]) < trainEnd).forEach(slice::add);
        Files.write(trainSlice, slice);
        String strategy = "sma_cross(fast=" + first.path("parameters").path("fast").asInt() + ",slow="
                + first.path("parameters").path("slow").asInt() + ")";
        Cli.Run backtest = Cli.run("backtest", "--bars", trainSlice.toString(), "--strategy", strategy, "--fee-bps", "2",
                "--out", dir.resolve("bt0").toString());
        assertThat(backtest.exitCode()).as(backtest.err()).isZero();
        JsonNode alone = JSON.readTree(dir.resolve("bt0/report.json").toFile());
        for (String metric : List.of("total_return", "sharpe", "max_drawdown", "trades", "fees_paid")) {
            assertThat(first.path("in_sample").path(metric).asDouble()).as(metric).isEqualTo(alone.path(metric).asDouble());
        }

        Document page = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("wf/report.html").toFile());
        assertThat(page.getElementsByTagName("polyline").getLength()).isEqualTo(1);
        assertThat(page.getElementsByTagName("tr").getLength()).isEqualTo(1 + 1 + 1 + 15);
    }

    @Test
    void theTestSliceCannotChangeWhatWasChosenBeforeIt(@TempDir Path dir) throws IOException {
        Path bars = SharedData.real("BTC-USD-4h.csv");
        Cli.Run original = walkForward(bars, dir.resolve("a"));
        assertThat(original.exitCode()).as(original.err()).isZero();
        CsvTable windows = CsvTable.read(dir.resolve("a/windows.csv"));
        long testStart = Long.parseLong(windows.rows.get(3)[windows.column("test_start")]);

        // From window 3's test slice on, the market does something else entirely.
        List<String> lines = Files.readAllLines(bars);
        List<String> changed = new ArrayList<>(List.of(lines.get(0)));
        int n = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            if (Long.parseLong(c[0]) >= testStart) {
                double f = 1 + 0.2 * Math.sin(n++ / 7.0);
                for (int i = 2; i <= 5; i++) {
                    c[i] = Double.toString(Double.parseDouble(c[i]) * f);
                }
                double high = Math.max(Double.parseDouble(c[3]), Math.max(Double.parseDouble(c[2]), Double.parseDouble(c[5])));
                double low = Math.min(Double.parseDouble(c[4]), Math.min(Double.parseDouble(c[2]), Double.parseDouble(c[5])));
                c[3] = Double.toString(high);
                c[4] = Double.toString(low);
            }
            changed.add(String.join(",", c));
        }
        Path altered = dir.resolve("altered.csv");
        Files.write(altered, changed);
        Cli.Run again = walkForward(altered, dir.resolve("b"));
        assertThat(again.exitCode()).as(again.err()).isZero();
        CsvTable after = CsvTable.read(dir.resolve("b/windows.csv"));

        int[] chosen = {windows.column("fast"), windows.column("slow"), windows.column("in_sample_sharpe")};
        for (int w = 0; w <= 3; w++) {
            for (int c : chosen) {
                assertThat(after.rows.get(w)[c]).as("window " + w + " " + windows.header.get(c))
                        .isEqualTo(windows.rows.get(w)[c]);
            }
        }
        assertThat(after.rows.get(3)[windows.column("out_of_sample_sharpe")])
                .isNotEqualTo(windows.rows.get(3)[windows.column("out_of_sample_sharpe")]);
    }

    @Test
    void spansAreCheckedAndAShortHistoryIsToldSo(@TempDir Path dir) {
        String bars = SharedData.real("AAPL-daily.csv").toString();
        Cli.Run bad = Cli.run("walk-forward", "--bars", bars, "--strategy", "sma_cross", "--grid", GRID, "--train", "2 years",
                "--test", "6m", "--out", dir.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("daytrade walk-forward: error: --train: '2 years' is not a span");
        Cli.Run tooShort = Cli.run("walk-forward", "--bars", bars, "--strategy", "sma_cross", "--grid", GRID, "--train", "2y",
                "--test", "6m", "--out", dir.resolve("short").toString());
        assertThat(tooShort.exitCode()).isEqualTo(2);
        assertThat(tooShort.err()).contains("no window fits").contains("shorter than --train 2y");
    }
}
