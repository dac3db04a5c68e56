package io.daytrade.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A user's mistake gets a one-line message naming the file (and line) and a non-zero exit; no stack trace. */
class BadInputTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

    @Test
    void badTickLinesAreNamedByFileAndLineAndTheGoodOnesStillCount(@TempDir Path dir) throws IOException {
        Path ticks = Files.writeString(dir.resolve("ticks.csv"), String.join("\n",
                "ts,symbol,price,size",
                "1700000000000,AAA,10,1",
                "1700000001000,AAA,ten,1",
                "1700000002000,AAA,11,-3",
                "1700000003000,AAA,0,1",
                "1700000004000,,12,1",
                "1700000005000,AAA,12",
                "yesterday,AAA,12,1",
                "1700000006000,AAA,12,2",
                ""));
        Path out = dir.resolve("bars.csv");
        Cli.Run run = Cli.run("bars", "--ticks", ticks.toString(), "--interval", "1m", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(
                ticks + ":3: price 'ten' is not a number (malformed)",
                ticks + ":4: size must be zero or more, got -3.0 (negative_size)",
                ticks + ":5: price must be a positive number, got 0.0 (non_positive_price)",
                ticks + ":6: tick has no symbol (missing_symbol)",
                ticks + ":7: has 3 cells, the header has 4 (malformed)",
                ticks + ":8: ts 'yesterday' is neither epoch milliseconds nor an ISO-8601 instant",
                "rejected 6 input records");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(Files.readAllLines(out)).hasSize(2).last().asString().endsWith(",3.0,11.333333333333334,2");
    }

    @Test
    void aDuplicateBarIsRejectedNotSilentlyUsed(@TempDir Path dir) throws IOException {
        Path bars = Files.writeString(dir.resolve("bars.csv"), String.join("\n",
                "ts,symbol,open,high,low,close,volume,note",
                "1000,AAA,1,2,0.5,1.5,10,x",
                "2000,AAA,1.5,2,1,1.8,10,y",
                "2000,AAA,1.5,2,1,1.9,10,dup",
                "3000,AAA,1.8,2,1,1.7,-1,neg",
                "4000,AAA,1.7,1,2,1.7,5,inverted",
                ""));
        Path out = dir.resolve("ind.csv");
        Cli.Run run = Cli.run("indicators", "--bars", bars.toString(), "--indicators", "sma(2)", "--out",
                out.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("(out_of_order_bar)")
                .contains(bars + ":5: volume must be zero or more, got -1.0 (invalid_bar)")
                .contains(bars + ":6: low 2.0 is above high 1.0 (invalid_bar)");
        assertThat(Files.readAllLines(out)).hasSize(3);
    }

    @Test
    void usageMistakesStopBeforeAnyJob(@TempDir Path dir) throws IOException {
        Path ticks = Files.writeString(dir.resolve("ticks.csv"), "ts,symbol,price,size,venue\n1,A,1,1,X\n");
        Path bars = Files.writeString(dir.resolve("bars.csv"), "ts,symbol,open,high,low,close\n");
        Path out = dir.resolve("out.csv");

        expectUsageError(Cli.run("bars", "--ticks", dir.resolve("missing.csv").toString(), "--interval", "1m",
                "--out", out.toString()), "missing.csv: no such file");
        expectUsageError(Cli.run("bars", "--ticks", ticks.toString(), "--interval", "1m", "--out", out.toString()),
                ticks + ": line 1: unknown column 'venue'");
        expectUsageError(Cli.run("indicators", "--bars", bars.toString(), "--indicators", "sma(5)", "--out",
                out.toString()), bars + ": line 1: missing column volume");
        expectUsageError(Cli.run("indicators", "--bars", bars.toString(), "--indicators", "sma(0)", "--out",
                out.toString()), "--indicators: sma: period must be a whole number from 2 to 100000, got 0");
        expectUsageError(Cli.run("indicators", "--bars", bars.toString(), "--indicators", "bbands(20,-1)", "--out",
                out.toString()), "bbands: k must be greater than 0");
        expectUsageError(Cli.run("indicators", "--bars", bars.toString(), "--indicators", "zigzag(3)", "--out",
                out.toString()), "unknown indicator 'zigzag'");
        expectUsageError(Cli.run("indicators", "--ticks", ticks.toString(), "--indicators", "sma(3)", "--out",
                out.toString()), "--ticks needs --interval");
        expectUsageError(Cli.run("bars", "--ticks", ticks.toString(), "--interval", "90x", "--out", out.toString()),
                "--interval: bad interval '90x'");
        assertThat(out).doesNotExist();
    }

    private static void expectUsageError(Cli.Run run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message).doesNotContain("\tat ");
        assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
    }
}
