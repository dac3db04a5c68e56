package io.daytrade.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.daytrade.indicators.IndicatorSet;
import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.jobs.AnalyticsPipeline;
import io.daytrade.jobs.BoundedJob;
import io.daytrade.jobs.csv.CsvLayout;
import io.daytrade.jobs.crossasset.CrossAssetCsv;
import io.daytrade.jobs.csv.CsvOutput;
import io.daytrade.jobs.kafka.TickFileProducer;
import io.daytrade.jobs.kafka.TopicReader;
import io.daytrade.jobs.live.LiveAnalyticsJob;
import io.daytrade.jobs.live.LiveJobConfig;
import io.daytrade.jobs.live.RuleFile;
import io.daytrade.operators.bars.BarInterval;
import io.daytrade.schemas.Bar;
import io.daytrade.schemas.CrossAsset;
import io.daytrade.schemas.IndicatorValues;
import io.daytrade.schemas.Signal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

import io.daytrade.schemas.Tick;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live job against a real broker: ticks produced to Kafka come out as bars, indicators and signals
 * identical to what the bounded jobs make of the same tick file.
 */
class LivePipelineTest {

    @RegisterExtension
    @Order(1)
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @RegisterExtension
    @Order(2)
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

    private static final List<String> CROSS_ASSET_SYMBOLS = List.of("AAA", "BBB", "CCC", "DDD");
    private static final String INDICATORS = "sma(5),sma(20),rsi(14),macd(12,26,9),bbands(20,2)";
    private static final String RULES = String.join("\n",
            "rules:",
            "  - id: fast-over-slow",
            "    when: crosses_above(sma_5, sma_20)",
            "    side: buy",
            "  - id: fast-under-slow",
            "    when: crosses_below(sma_5, sma_20)",
            "    side: flat",
            "  - id: oversold",
            "    when: rsi_14 < 35 and close < bbands_20_2_middle",
            "    side: buy",
            "");

    /** Checkpoints: outside each test's @TempDir, since a finished job may still be deleting them. */
    private static Path checkpoints;

    @org.junit.jupiter.api.BeforeAll
    static void checkpointDirectory() throws java.io.IOException {
        checkpoints = Files.createTempDirectory("daytrade-it-checkpoints-");
    }

    @org.junit.jupiter.api.AfterAll
    static void removeCheckpoints() {
        LiveJobs.deleteQuietly(checkpoints);
    }

    /** Set by the injected failure, so the test can tell it really happened. */
    static final AtomicBoolean FAILED = new AtomicBoolean();

    @Test
    void liveOutputEqualsTheBoundedJobsOnTheSameTicks(@TempDir Path dir) throws Exception {
        runAndCompare(dir, "e2e-", UnaryOperator.identity(), 1);
    }

    @Test
    void aFailureMidStreamNeitherLosesNorDuplicatesOutput(@TempDir Path dir) throws Exception {
        FAILED.set(false);
        runAndCompare(dir, "eos-", ticks -> ticks.map(new FailOnceAfterACheckpoint())
                .returns(new AvroTypeInfo<>(Tick.class)).uid("injected-failure").name("Injected failure"), 2);
        assertThat(FAILED).as("the injected failure happened").isTrue();
    }

    /**
     * Throws once, after a checkpoint has completed and part of the stream has passed, so the job restores
     * from that checkpoint mid-stream. Slowed until then, so a checkpoint completes first.
     */
    static final class FailOnceAfterACheckpoint extends RichMapFunction<Tick, Tick> implements CheckpointListener {
        private transient long seen;
        private transient boolean checkpointed;

        @Override
        public Tick map(Tick tick) throws Exception {
            if (!FAILED.get()) {
                // Held back until a checkpoint completes: the pipeline alone would finish the input first.
                if (++seen % 5 == 0 && !checkpointed) {
                    Thread.sleep(1);
                }
                if (checkpointed && seen > 3_000 && FAILED.compareAndSet(false, true)) {
                    throw new IllegalStateException("injected failure");
                }
            }
            return tick;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
        }
    }

    private void runAndCompare(Path dir, String prefix, UnaryOperator<DataStream<Tick>> tap, int partitions)
            throws Exception {
        KAFKA.createTopics(partitions + 2, prefix + "ticks");
        KAFKA.createTopics(2, prefix + "bars", prefix + "indicators", prefix + "signals", prefix + "dead-letters",
                prefix + "cross-asset");
        Path ticks = BarsCommandTest.writeTicks(dir.resolve("ticks.csv"),
                BarsCommandTest.randomTicks(new Random(21), 30_000));
        Path rules = Files.writeString(dir.resolve("rules.yaml"), RULES);
        TickFileProducer.Result produced = TickFileProducer.produce(ticks, prefix + "ticks", KAFKA.bootstrapServers(),
                new Properties(), 0);
        assertThat(produced.sent()).isEqualTo(30_000);

        LiveJobConfig config = LiveJobs.config(KAFKA.bootstrapServers(), prefix, checkpoints);
        config.kafka.stopAtLatest = true;
        config.checkpoints.interval = "300ms";
        config.indicators = INDICATORS;
        config.rules = rules.toString();
        config.parallelism = 2;
        config.crossAsset.symbols = CROSS_ASSET_SYMBOLS;
        config.crossAsset.window = 20;
        config.crossAsset.benchmark = "AAA";
        config.crossAsset.factors = List.of("BBB");
        LiveAnalyticsJob job = LiveAnalyticsJob.prepare(config);
        Configuration conf = job.flinkConfiguration();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.configure(conf);
        job.build(env, tap);
        env.execute(LiveAnalyticsJob.NAME);

        List<Bar> liveBars = read(prefix + "bars", Bar.class);
        List<IndicatorValues> liveIndicators = read(prefix + "indicators", IndicatorValues.class);
        List<Signal> liveSignals = read(prefix + "signals", Signal.class);
        assertThat(read(prefix + "dead-letters", SpecificRecordBase.class)).isEmpty();

        Path boundedBars = dir.resolve("bounded-bars.csv");
        Path boundedIndicators = dir.resolve("bounded-indicators.csv");
        assertThat(Cli.run("bars", "--ticks", ticks.toString(), "--interval", "1m", "--out", boundedBars.toString())
                .exitCode()).isZero();
        assertThat(Cli.run("indicators", "--ticks", ticks.toString(), "--interval", "1m", "--indicators", INDICATORS,
                "--out", boundedIndicators.toString()).exitCode()).isZero();

        Path liveBarsCsv = dir.resolve("live-bars.csv");
        Path liveIndicatorsCsv = dir.resolve("live-indicators.csv");
        CsvOutput.writeBars(liveBarsCsv, liveBars, List.of("1m"), false);
        CsvOutput.writeIndicators(liveIndicatorsCsv, liveIndicators,
                new IndicatorSet(IndicatorSpec.parseList(INDICATORS)).columns(), List.of("1m"), false);
        assertThat(Files.readAllLines(liveBarsCsv)).hasSizeGreaterThan(1000)
                .containsExactlyElementsOf(Files.readAllLines(boundedBars));
        assertThat(Files.readAllLines(liveIndicatorsCsv)).containsExactlyElementsOf(Files.readAllLines(boundedIndicators));

        List<String> boundedSignals = boundedSignals(ticks, job);
        assertThat(boundedSignals).hasSizeGreaterThan(10);
        assertThat(liveSignals.stream().map(Signal::toString).sorted().toList()).containsExactlyElementsOf(boundedSignals);

        assertCrossAssetEqualsBounded(dir, ticks, read(prefix + "cross-asset", CrossAsset.class));

        // Live/backtest parity: the backtest over the same tick file decides on exactly these signals.
        Path backtest = dir.resolve("backtest");
        Cli.Run run = Cli.run("backtest", "--ticks", ticks.toString(), "--interval", "1m", "--strategy", rules.toString(),
                "--indicators", INDICATORS, "--out", backtest.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> backtestSignals = Files.readAllLines(backtest.resolve("signals.csv"));
        assertThat(backtestSignals.get(0)).isEqualTo("ts,symbol,strategy_id,side");
        assertThat(backtestSignals.subList(1, backtestSignals.size())).containsExactlyInAnyOrderElementsOf(
                liveSignals.stream().map(s -> s.getBarTime().toEpochMilli() + "," + s.getSymbol() + ","
                        + s.getStrategyId() + "," + s.getSide()).toList());
    }

    /** The cross-asset topic holds what {@code cross-asset} computes from the tick file, row for row. */
    private static void assertCrossAssetEqualsBounded(Path dir, Path ticks, List<CrossAsset> live) throws Exception {
        new CrossAssetCsv(dir.resolve("live-cross-asset").toString(), CROSS_ASSET_SYMBOLS, 20, "AAA", List.of("BBB"))
                .write(live, List.of());
        Path bounded = dir.resolve("bounded-cross-asset");
        Cli.Run run = Cli.run("cross-asset", "--ticks", ticks.toString(), "--interval", "1m", "--symbols",
                String.join(",", CROSS_ASSET_SYMBOLS), "--window", "20", "--benchmark", "AAA", "--factors", "BBB",
                "--out", bounded.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain(" 0 bar times with statistics");
        for (String file : List.of("correlations.csv", "beta.csv", "factors.csv")) {
            assertThat(Files.readAllLines(dir.resolve("live-cross-asset").resolve(file))).as(file).hasSizeGreaterThan(100)
                    .containsExactlyElementsOf(Files.readAllLines(bounded.resolve(file)));
        }
    }

    /** The same stages in a bounded job over the file: ticks → bars → indicators → signals. */
    private static List<String> boundedSignals(Path ticks, LiveAnalyticsJob live) throws Exception {
        BoundedJob job = new BoundedJob(2);
        var bars = AnalyticsPipeline.bars(job.ticks(ticks, CsvLayout.forTicks(ticks)),
                List.of(BarInterval.parse("1m")), true, ticks.toString());
        var values = AnalyticsPipeline.indicators(bars, IndicatorSpec.parseList(INDICATORS), ticks.toString());
        var signals = AnalyticsPipeline.signals(values, RuleFile.read(Path.of(live.config().rules)),
                live.indicatorColumns());
        return job.run(signals, new AvroTypeInfo<>(Signal.class), "bounded signals").records().stream()
                .map(Signal::toString).sorted().toList();
    }

    private static <T> List<T> read(String topic, Class<T> type) {
        try (TopicReader reader = new TopicReader(KAFKA.bootstrapServers(), new Properties(), topic, true)) {
            return reader.readToEnd().stream().map(type::cast).toList();
        }
    }
}
