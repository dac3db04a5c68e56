package io.daytrade.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.daytrade.indicators.IndicatorSet;
import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.jobs.kafka.TickFileProducer;
import io.daytrade.jobs.live.LiveAnalyticsJob;
import io.daytrade.jobs.live.LiveJobConfig;
import io.daytrade.jobs.csv.CsvOutput;
import io.daytrade.schemas.IndicatorValues;
import io.daytrade.schemas.Signal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warm start: a savepoint computed from bar history with the State Processor API (2.2.0, beside the rest
 * of Flink at 2.2.1) makes the live job emit, for its first live bars, exactly what a job that had
 * processed the whole history emits; and inspect-state shows what it holds.
 */
class BootstrapStateTest {

    @RegisterExtension
    @Order(1)
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @RegisterExtension
    @Order(2)
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

    private static final String INDICATORS = "sma(10),sma(50),rsi(14),macd(12,26,9),atr(14)";
    private static final String RULES = String.join("\n",
            "rules:",
            "  - id: fast-over-slow",
            "    when: crosses_above(sma_10, sma_50)",
            "    side: buy",
            "  - id: fast-under-slow",
            "    when: crosses_below(sma_10, sma_50)",
            "    side: sell",
            "  - id: oversold",
            "    when: rsi_14 < 35",
            "    side: buy",
            "");

    @Test
    void aTickHistoryEndingInTheMiddleOfABarCarriesThatBarsTicksOver(@TempDir Path dir) throws Exception {
        long start = ClusterRuns.at("2026-03-02T09:00:00Z");
        Path ticks = ClusterRuns.writeTicks(dir.resolve("ticks.csv"), new Random(12), 30_000, 6, start, 500);
        long cut = ClusterRuns.at("2026-03-02T10:30:27Z");
        long barStart = ClusterRuns.at("2026-03-02T10:30:00Z");
        List<String> lines = Files.readAllLines(ticks);
        List<String> live = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().skip(1).filter(line -> Long.parseLong(line.split(",")[0]) >= cut).forEach(live::add);
        Path liveTicks = Files.write(dir.resolve("live-ticks.csv"), live);

        KAFKA.createTopics(2, "wt-ticks", "wt-bars", "wt-indicators", "wt-signals", "wt-dead-letters");
        LiveJobConfig config = LiveJobs.config(KAFKA.bootstrapServers(), "wt-", dir);
        config.kafka.stopAtLatest = true;
        config.indicators = INDICATORS;
        config.parallelism = 2;
        Path jobFile = ClusterRuns.jobFile(dir, config, "wt-");
        Path savepoint = dir.resolve("savepoint");
        // The whole file is given: --until keeps the history to the ticks before the cut.
        Cli.Run bootstrap = Cli.run("bootstrap-state", "--ticks", ticks.toString(), "--until", "2026-03-02T10:30:27Z",
                "--config", jobFile.toString(), "--out", savepoint.toString());
        assertThat(bootstrap.exitCode()).as(bootstrap.err()).isZero();
        assertThat(bootstrap.out()).contains("bars-in-progress");
        Cli.Run inspect = Cli.run("inspect-state", savepoint.toString(), "--symbol", "S02", "--config", jobFile.toString());
        assertThat(inspect.out()).containsPattern("S02 bars: 1 open; open 1m bar from 2026-03-02T10:30:00Z: .*, [1-9]\\d* ticks");

        runLiveFrom(savepoint, config, liveTicks, "wt-ticks");
        Path bars = dir.resolve("all-bars.csv");
        assertThat(Cli.run("bars", "--ticks", ticks.toString(), "--interval", "1m", "--out", bars.toString()).exitCode()).isZero();
        List<String> expectedBars = Files.readAllLines(bars).stream().skip(1)
                .filter(row -> Long.parseLong(row.split(",")[0]) >= barStart).toList();
        List<String> liveBars = LiveJobs.read(KAFKA.bootstrapServers(), "wt-bars", io.daytrade.schemas.Bar.class).stream()
                .map(b -> b.getWindowStart().toEpochMilli() + "," + b.getSymbol() + "," + b.getOpen() + "," + b.getHigh()
                        + "," + b.getLow() + "," + b.getClose() + "," + b.getVolume() + "," + b.getVwap() + "," + b.getTickCount())
                .toList();
        // The bar cut in two (10:30) comes out whole: history ticks from the savepoint, the rest live.
        assertThat(liveBars).hasSizeGreaterThan(100).containsExactlyInAnyOrderElementsOf(expectedBars);
        assertThat(liveBars).anyMatch(row -> row.startsWith(barStart + ","));

        Path all = dir.resolve("all-indicators.csv");
        assertThat(Cli.run("indicators", "--ticks", ticks.toString(), "--interval", "1m", "--indicators", INDICATORS,
                "--out", all.toString()).exitCode()).isZero();
        assertLiveIndicatorsEqual(all, barStart, "wt-indicators", dir);
    }

    private static void runLiveFrom(Path savepoint, LiveJobConfig config, Path liveTicks, String topic) throws Exception {
        TickFileProducer.produce(liveTicks, topic, KAFKA.bootstrapServers(), new Properties(), 0);
        LiveAnalyticsJob job = LiveAnalyticsJob.prepare(config);
        Configuration conf = job.flinkConfiguration();
        conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint.toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.configure(conf);
        job.build(env);
        env.execute(LiveAnalyticsJob.NAME);
    }

    /** The live indicators equal the bounded job's over all ticks, from {@code from} on; returns the live rows. */
    private static List<String> assertLiveIndicatorsEqual(Path all, long from, String topic, Path dir) throws Exception {
        List<String> expected = Files.readAllLines(all).stream().skip(1)
                .filter(row -> Long.parseLong(row.split(",")[0]) >= from).toList();
        Path liveCsv = dir.resolve(topic + ".csv");
        List<IndicatorValues> values = LiveJobs.read(KAFKA.bootstrapServers(), topic, IndicatorValues.class);
        CsvOutput.writeIndicators(liveCsv, values, new IndicatorSet(IndicatorSpec.parseList(INDICATORS)).columns(),
                List.of("1m"), false);
        List<String> actual = Files.readAllLines(liveCsv).subList(1, values.size() + 1);
        assertThat(actual).hasSizeGreaterThan(100).containsExactlyElementsOf(expected);
        return actual;
    }

    @Test
    void theLiveJobStartedFromABootstrapContinuesTheHistoryExactly(@TempDir Path dir) throws Exception {
        long start = ClusterRuns.at("2026-03-02T09:00:00Z");
        Path ticks = ClusterRuns.writeTicks(dir.resolve("ticks.csv"), new Random(11), 40_000, 8, start, 500);
        // History: every tick before 11:00; the live stream: the rest. The cut falls between bars.
        long cut = ClusterRuns.at("2026-03-02T11:00:00Z");
        List<String> lines = Files.readAllLines(ticks);
        List<String> history = new ArrayList<>(List.of(lines.get(0)));
        List<String> live = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            (Long.parseLong(line.split(",")[0]) < cut ? history : live).add(line);
        }
        assertThat(live).hasSizeGreaterThan(10_000);
        Path historyTicks = Files.write(dir.resolve("history-ticks.csv"), history);
        Path liveTicks = Files.write(dir.resolve("live-ticks.csv"), live);
        Path historyBars = dir.resolve("history-bars.csv");
        assertThat(Cli.run("bars", "--ticks", historyTicks.toString(), "--interval", "1m", "--out", historyBars.toString())
                .exitCode()).isZero();

        KAFKA.createTopics(2, "ws-ticks", "ws-bars", "ws-indicators", "ws-signals", "ws-dead-letters");
        LiveJobConfig config = LiveJobs.config(KAFKA.bootstrapServers(), "ws-", dir);
        config.kafka.stopAtLatest = true;
        config.indicators = INDICATORS;
        config.rules = Files.writeString(dir.resolve("rules.yaml"), RULES).toString();
        config.parallelism = 2;
        Path jobFile = ClusterRuns.jobFile(dir, config, "ws-");

        Path savepoint = dir.resolve("savepoint");
        Cli.Run bootstrap = Cli.run("bootstrap-state", "--bars", historyBars.toString(), "--config", jobFile.toString(),
                "--out", savepoint.toString());
        assertThat(bootstrap.exitCode()).as(bootstrap.err()).isZero();
        assertThat(savepoint.resolve("_metadata")).exists();

        runLiveFrom(savepoint, config, liveTicks, "ws-ticks");

        // The reference: the bounded job over all the ticks, history and live, from its rows at the cut on.
        Path all = dir.resolve("all-indicators.csv");
        assertThat(Cli.run("indicators", "--ticks", ticks.toString(), "--interval", "1m", "--indicators", INDICATORS,
                "--out", all.toString()).exitCode()).isZero();
        List<String> actual = assertLiveIndicatorsEqual(all, cut, "ws-indicators", dir);
        assertThat(actual).hasSizeGreaterThan(300);
        // Warm from the first live bar: sma_50 has a value at once (a cold start needs 50 bars).
        assertThat(actual.get(0).split(",")).doesNotContain("");

        Path backtest = dir.resolve("backtest");
        Cli.Run reference = Cli.run("backtest", "--ticks", ticks.toString(), "--interval", "1m", "--strategy",
                config.rules, "--indicators", INDICATORS, "--out", backtest.toString());
        assertThat(reference.exitCode()).as(reference.err()).isZero();
        List<String> expectedSignals = Files.readAllLines(backtest.resolve("signals.csv")).stream().skip(1)
                .filter(row -> Long.parseLong(row.split(",")[0]) >= cut).sorted().toList();
        List<String> liveSignals = LiveJobs.read(KAFKA.bootstrapServers(), "ws-signals", Signal.class).stream()
                .map(s -> s.getBarTime().toEpochMilli() + "," + s.getSymbol() + "," + s.getStrategyId() + "," + s.getSide())
                .sorted().toList();
        assertThat(liveSignals).hasSizeGreaterThan(5).isEqualTo(expectedSignals);

        // inspect-state shows each symbol's indicators as the history left them.
        Cli.Run inspect = Cli.run("inspect-state", savepoint.toString(), "--symbol", "S03", "--config", jobFile.toString());
        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        String lastHistoryRow = Files.readAllLines(all).stream().skip(1)
                .filter(row -> row.split(",")[1].equals("S03") && Long.parseLong(row.split(",")[0]) < cut)
                .reduce((a, b) -> b).orElseThrow();
        String sma50 = lastHistoryRow.split(",")[3]; // ts,symbol,sma_10,sma_50,...
        assertThat(inspect.out()).contains("S03|1m indicators after the bar of ").contains("sma_50=" + sma50)
                .contains("S03|1m rules after the bar of ").contains("fast-over-slow=");
        assertThat(inspect.out().lines()).hasSize(2);
    }
}
