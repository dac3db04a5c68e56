package io.daytrade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.daytrade.backtest.PlainSmaCrossLoop;
import io.daytrade.indicators.OhlcvSeries;
import io.daytrade.indicators.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code daytrade backtest} on a MiniCluster, against a plain loop written from the stated rules. */
class BacktestCommandTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void smaCrossOnRealBarsMatchesAPlainLoop(@TempDir Path dir) throws IOException {
        Path bars = SharedData.real("AAPL-daily.csv");
        Cli.Run run = Cli.run("backtest", "--bars", bars.toString(), "--strategy", "sma_cross(fast=10,slow=50)",
                "--fee-bps", "5", "--slippage-bps", "2", "--periods-per-year", "252", "--out", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("sma_cross(fast=10,slow=50): total return");

        PlainSmaCrossLoop.Outcome expected =
                PlainSmaCrossLoop.run(OhlcvSeries.readBars(bars, null), 10, 50, 100_000, 5, 2);
        JsonNode report = JSON.readTree(dir.resolve("report.json").toFile());
        assertThat(report.path("symbol").asText()).isEqualTo("AAPL");
        assertThat(report.path("trades").asInt()).isEqualTo(expected.trades()).isGreaterThan(1);
        assertThat(report.path("total_return").asDouble()).isCloseTo(expected.finalEquity() / 100_000 - 1, within(1e-9));
        assertThat(report.path("max_drawdown").asDouble()).isCloseTo(expected.maxDrawdown(), within(1e-9));
        assertThat(report.path("win_rate").asDouble()).isCloseTo((double) expected.wins() / expected.trades(), within(1e-12));
        assertThat(Files.readAllLines(dir.resolve("trades.csv"))).hasSize(expected.trades() + 1)
                .first().isEqualTo("symbol,side,entry_time,exit_time,quantity,entry_price,exit_price,pnl,fees,exit_reason");
        List<String> equity = Files.readAllLines(dir.resolve("equity.csv"));
        assertThat(equity).hasSize(253).first().isEqualTo("ts,symbol,equity");
        assertThat(Double.parseDouble(equity.get(252).split(",")[2])).isCloseTo(expected.finalEquity(), within(1e-6));
    }

    @Test
    void changingTheNextBarsCloseCannotChangeTheDecisionBeforeIt(@TempDir Path dir) throws IOException {
        Path bars = SharedData.real("AAPL-daily.csv");
        int[] decisions = PlainSmaCrossLoop.decisions(OhlcvSeries.readBars(bars, null), 10, 50);
        int t = 0;
        while (decisions[t] != 1) {
            t++;
        }
        // Bar t's close decides the entry, filled at bar t+1's open; bar t+1's close must not matter.
        List<String> lines = new ArrayList<>(Files.readAllLines(bars));
        String[] next = lines.get(t + 2).split(",");
        next[5] = Double.toString(Double.parseDouble(next[5]) * 1.3);
        next[3] = Double.toString(Math.max(Double.parseDouble(next[3]), Double.parseDouble(next[5])));
        lines.set(t + 2, String.join(",", next));
        Path changed = Files.write(dir.resolve("changed.csv"), lines);

        String first = firstTrade(bars, dir.resolve("original"));
        String afterChange = firstTrade(changed, dir.resolve("changed"));
        String[] a = first.split(",");
        String[] b = afterChange.split(",");
        assertThat(b[2]).as("entry time").isEqualTo(a[2]);
        assertThat(b[5]).as("entry price").isEqualTo(a[5]);
        assertThat(b[4]).as("quantity").isEqualTo(a[4]);
    }

    private static String firstTrade(Path bars, Path out) throws IOException {
        Cli.Run run = Cli.run("backtest", "--bars", bars.toString(), "--strategy", "sma_cross(fast=10,slow=50)",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Files.readAllLines(out.resolve("trades.csv")).get(1);
    }

    @Test
    void severalSymbolsAreIndependentBacktestsWithAnAggregate(@TempDir Path dir) throws IOException {
        Path input = IndicatorsCommandTest.interleave(dir.resolve("bars.csv"),
                List.of(SharedData.real("sectors-daily.csv")), List.of("XLE", "XLK", "XLF"));
        Cli.Run run = Cli.run("backtest", "--bars", input.toString(), "--strategy", "macd_cross",
                "--fee-bps", "1", "--out", dir.resolve("out").toString(), "--parallelism", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(dir.resolve("out/report.json").toFile());
        assertThat(report.path("symbols").fieldNames()).toIterable().containsExactly("XLE", "XLF", "XLK");
        int trades = 0;
        for (JsonNode symbol : report.path("symbols")) {
            trades += symbol.path("trades").asInt();
            assertThat(symbol.path("bars").asInt()).isEqualTo(632);
        }
        assertThat(report.path("aggregate").path("trades").asInt()).isEqualTo(trades).isPositive();
        // Daily bars with weekend gaps: the median spacing is one day, so 365 bars a year unless told 252.
        assertThat(report.path("settings").path("periods_per_year").asDouble()).isEqualTo(365.0);
    }

    @Test
    void aPortfolioSharesOneCapitalAcrossSymbols(@TempDir Path dir) throws IOException {
        Path input = IndicatorsCommandTest.interleave(dir.resolve("bars.csv"),
                List.of(SharedData.real("sectors-daily.csv")), List.of("XLE", "XLK", "XLF"));
        Path out = dir.resolve("out");
        Cli.Run run = Cli.run("backtest", "--bars", input.toString(), "--strategy", "sma_cross(fast=10,slow=30)",
                "--portfolio", "--position", "fraction=0.3", "--fee-bps", "2", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertThat(report.path("portfolio").asBoolean()).isTrue();
        assertThat(report.path("symbol").asText()).isEqualTo("portfolio");
        List<String> trades = Files.readAllLines(out.resolve("trades.csv"));
        assertThat(trades.size() - 1).isEqualTo(report.path("trades").asInt()).isGreaterThan(3);
        assertThat(trades.subList(1, trades.size())).extracting(t -> t.split(",")[0]).contains("XLE", "XLK", "XLF");
        List<String> equity = Files.readAllLines(out.resolve("equity.csv"));
        assertThat(equity).hasSize(633); // one mark per trading day, not one per symbol and day
        double last = Double.parseDouble(equity.get(632).split(",")[2]);
        assertThat(report.path("total_return").asDouble()).isCloseTo(last / 100_000 - 1, within(1e-9));
        double pnl = trades.subList(1, trades.size()).stream().mapToDouble(t -> Double.parseDouble(t.split(",")[7])).sum();
        assertThat(last - 100_000).as("all trades closed: equity change = sum of trade profits").isCloseTo(pnl, within(1e-6));
    }

    @Test
    void aRuleFileStrategyRunsWithItsIndicators(@TempDir Path dir) throws IOException {
        Path rules = Paths.get("..", "streaming-jobs", "conf", "rules.yaml");
        Cli.Run run = Cli.run("backtest", "--bars", SharedData.real("BTC-USD-4h.csv").toString(), "--strategy",
                rules.toString(), "--indicators", "sma(10),sma(50),rsi(14),macd(12,26,9),bbands(20,2)",
                "--allow-short", "--stop-loss-pct", "0.05", "--out", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(dir.resolve("report.json").toFile());
        assertThat(report.path("trades").asInt()).isGreaterThan(10);
        assertThat(report.path("settings").path("periods_per_year").asDouble()).isEqualTo(365 * 6.0);
        assertThat(Files.readString(dir.resolve("trades.csv"))).contains(",short,").contains(",stop_loss");
    }

    @Test
    void anEmptyInputIsAClearError(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "ts,symbol,open,high,low,close,volume\n");
        expect(Cli.run("backtest", "--bars", empty.toString(), "--strategy", "sma_cross", "--out",
                dir.resolve("out").toString()), "no bars to backtest in " + empty);
    }

    @Test
    void badStrategiesAndOptionsAreOneLineErrors(@TempDir Path dir) {
        String bars = SharedData.real("AAPL-daily.csv").toString();
        String out = dir.toString();
        expect(Cli.run("backtest", "--bars", bars, "--strategy", "buy_and_hope", "--out", out),
                "--strategy: unknown strategy 'buy_and_hope'; built-ins: sma_cross(fast=10,slow=50)");
        expect(Cli.run("backtest", "--bars", bars, "--strategy", "sma_cross(fast=10,slow=50,speed=1)", "--out", out),
                "--strategy: sma_cross: unknown parameter 'speed=1'; it takes fast, slow");
        expect(Cli.run("backtest", "--bars", bars, "--strategy", "sma_cross(fast=50,slow=10)", "--out", out),
                "fast (50) must be below slow (10)");
        expect(Cli.run("backtest", "--bars", bars, "--strategy", "../streaming-jobs/conf/rules.yaml", "--out", out),
                "is a rule file: give the indicators it reads with --indicators");
        expect(Cli.run("backtest", "--bars", bars, "--strategy", "sma_cross", "--position", "half", "--out", out),
                "--position must be fraction=F or qty=N, got 'half'");
        expect(Cli.run("backtest", "--bars", bars, "--strategy", "sma_cross", "--capital", "-5", "--out", out),
                "--capital must be positive, got -5.0");
    }

    private static void expect(Cli.Run run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message).doesNotContain("\tat ");
    }
}
