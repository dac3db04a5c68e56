package io.daytrade.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.indicators.IndicatorType;
import io.daytrade.indicators.OhlcvSeries;
import io.daytrade.indicators.SharedData;
import io.daytrade.indicators.TaLibReference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code daytrade indicators} on a MiniCluster, against TA-Lib and against the bars command. */
class IndicatorsCommandTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

    private static final String LIST = "sma(20),ema(12),wma(10),dema(10),tema(10),trima(15),kama(10),rsi(14),"
            + "macd(12,26,9),stoch(14,3,3),cci(20),willr(14),roc(10),mom(10),mfi(14),adx(14),plus_di(14),"
            + "minus_di(14),aroon(14),bbands(20,2),stddev(20),atr(14),natr(14),trange,obv,ad";

    @Test
    void matchesTaLibForEverySymbolOfAnInterleavedRealFile(@TempDir Path dir) throws IOException {
        List<String> symbols = List.of("AAPL", "SPX", "XLE", "XLK");
        Path input = interleave(dir.resolve("bars.csv"), List.of(
                SharedData.real("AAPL-daily.csv"), SharedData.real("SPX-weekly.csv"),
                SharedData.real("sectors-daily.csv")), symbols);
        Path out = dir.resolve("indicators.csv");

        Cli.Run run = Cli.run("indicators", "--bars", input.toString(), "--indicators", LIST, "--out", out.toString(),
                "--parallelism", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        CsvTable table = CsvTable.read(out);
        List<IndicatorSpec> specs = IndicatorSpec.parseList(LIST);
        int compared = 0;
        for (String symbol : symbols) {
            OhlcvSeries series = OhlcvSeries.readBars(input, symbol);
            List<String[]> rows = table.rowsOf(symbol);
            assertThat(rows).hasSize(series.size());
            for (IndicatorSpec spec : specs) {
                TaLibReference.Result expected = TaLibReference.compute(spec, series);
                double tolerance = spec.type() == IndicatorType.STDDEV ? 1e-8 : 1e-9;
                for (int output = 0; output < spec.columns().size(); output++) {
                    int column = table.column(spec.columns().get(output));
                    for (int bar = 0; bar < series.size(); bar++) {
                        String cell = rows.get(bar)[column];
                        assertThat(Long.parseLong(rows.get(bar)[0])).isEqualTo(series.time[bar]);
                        if (bar < expected.begin()) {
                            assertThat(cell).as("%s %s bar %d", symbol, spec, bar).isEmpty();
                            continue;
                        }
                        double ours = Double.parseDouble(cell);
                        double theirs = expected.at(output, bar);
                        double error = ours == theirs ? 0
                                : Math.abs(ours - theirs) / Math.max(Math.abs(ours), Math.abs(theirs));
                        assertThat(error).as("%s %s bar %d: %s vs TA-Lib %s", symbol, spec.columns().get(output),
                                bar, ours, theirs).isLessThanOrEqualTo(tolerance);
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(100_000);
    }

    @Test
    void fromTicksEqualsBarsThenIndicators(@TempDir Path dir) throws IOException {
        Path ticks = BarsCommandTest.writeTicks(dir.resolve("ticks.csv"),
                BarsCommandTest.randomTicks(new Random(3), 20_000));
        Path direct = dir.resolve("direct.csv");
        Path bars = dir.resolve("bars.csv");
        Path twoStep = dir.resolve("two-step.csv");
        String list = "sma(5),rsi(14),macd(12,26,9),bbands(20,2),vwap";

        assertThat(Cli.run("indicators", "--ticks", ticks.toString(), "--interval", "1m", "--indicators", list,
                "--out", direct.toString()).exitCode()).isZero();
        assertThat(Cli.run("bars", "--ticks", ticks.toString(), "--interval", "1m", "--out", bars.toString())
                .exitCode()).isZero();
        assertThat(Cli.run("indicators", "--bars", bars.toString(), "--indicators", list, "--out", twoStep.toString())
                .exitCode()).isZero();

        assertThat(Files.readAllLines(direct)).containsExactlyElementsOf(Files.readAllLines(twoStep));
        assertThat(Files.readAllLines(direct).get(0)).isEqualTo(
                "ts,symbol,sma_5,rsi_14,macd_12_26_9,macd_12_26_9_signal,macd_12_26_9_hist,"
                        + "bbands_20_2_upper,bbands_20_2_middle,bbands_20_2_lower,vwap");
    }

    @Test
    void severalIntervalsFromTicksAddAnIntervalColumn(@TempDir Path dir) throws IOException {
        Path ticks = BarsCommandTest.writeTicks(dir.resolve("ticks.csv"),
                BarsCommandTest.randomTicks(new Random(4), 3_000));
        Path out = dir.resolve("out.csv");
        Cli.Run run = Cli.run("indicators", "--ticks", ticks.toString(), "--interval", "1m,5m", "--indicators",
                "sma(3)", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        CsvTable table = CsvTable.read(out);
        assertThat(table.header).containsExactly("ts", "symbol", "interval", "sma_3");
        assertThat(table.rows).extracting(r -> r[2]).containsOnly("1m", "5m");
    }

    @Test
    void outputIsIdenticalAtParallelismOneAndTwo(@TempDir Path dir) throws IOException {
        Path input = interleave(dir.resolve("bars.csv"), List.of(SharedData.real("sectors-daily.csv")),
                List.of("XLB", "XLC", "XLE", "XLF", "XLI", "XLK"));
        Path one = dir.resolve("p1.csv");
        Path two = dir.resolve("p2.csv");
        assertThat(Cli.run("indicators", "--bars", input.toString(), "--indicators", LIST, "--out", one.toString(),
                "--parallelism", "1").exitCode()).isZero();
        assertThat(Cli.run("indicators", "--bars", input.toString(), "--indicators", LIST, "--out", two.toString(),
                "--parallelism", "2").exitCode()).isZero();
        assertThat(Files.readAllBytes(two)).isEqualTo(Files.readAllBytes(one));
    }

    /** Rows of the given symbols from several files, merged by time as a multi-symbol feed would be. */
    static Path interleave(Path target, List<Path> files, List<String> symbols) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                if (symbols.contains(cells[1])) {
                    rows.add(cells);
                }
            }
        }
        rows.sort(Comparator.comparingLong((String[] r) -> Long.parseLong(r[0])).thenComparing(r -> r[1]));
        StringBuilder text = new StringBuilder("ts,symbol,open,high,low,close,volume\n");
        rows.forEach(r -> text.append(String.join(",", r)).append('\n'));
        return Files.writeString(target, text);
    }
}
