package io.daytrade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daytrade.jobs.kafka.KafkaPreflight;
import io.daytrade.jobs.live.ConfigException;
import io.daytrade.jobs.live.LiveAnalyticsJob;
import io.daytrade.jobs.live.LiveJobConfig;
import io.daytrade.schemas.Bar;
import io.daytrade.schemas.DeadLetter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The live job as it runs all day: unbounded, against a real broker, with bad input and quiet partitions. */
class LiveStreamingTest {

    @RegisterExtension
    @Order(1)
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @RegisterExtension
    @Order(2)
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

    private static final long MINUTE = 60_000L;

    /** Checkpoints of the unbounded jobs: outside each test's @TempDir, which JUnit must be able to delete. */
    private static Path checkpoints;

    @org.junit.jupiter.api.BeforeAll
    static void checkpointDirectory() throws java.io.IOException {
        checkpoints = java.nio.file.Files.createTempDirectory("daytrade-it-checkpoints-");
    }

    @org.junit.jupiter.api.AfterAll
    static void removeCheckpoints() {
        LiveJobs.deleteQuietly(checkpoints);
    }
    private static final long T0 = Instant.parse("2024-05-01T09:00:00Z").toEpochMilli();

    @Test
    void deadLettersArriveWithTheirReasonWhileGoodTicksKeepFlowing() throws Exception {
        String prefix = "dl-";
        KAFKA.createTopics(1, prefix + "ticks", prefix + "bars", prefix + "indicators", prefix + "signals",
                prefix + "dead-letters");
        LiveJobConfig config = LiveJobs.config(KAFKA.bootstrapServers(), prefix, checkpoints);
        config.parallelism = 1;
        config.bars.allowedDisorder = "5s";
        String ticks = config.topics.ticks;
        JobClient job = start(config);
        try (KafkaProducer<byte[], byte[]> producer = LiveJobs.producer(KAFKA.bootstrapServers())) {
            for (long t = T0; t <= T0 + 10 * MINUTE; t += 10_000) {
                producer.send(LiveJobs.tick(ticks, null, "AAA", t, 100 + (t - T0) / 60_000.0, 1));
            }
            producer.send(new ProducerRecord<>(ticks, "AAA".getBytes(StandardCharsets.UTF_8),
                    "not avro at all".getBytes(StandardCharsets.UTF_8)));
            producer.send(LiveJobs.tick(ticks, null, "AAA", T0 + 10 * MINUTE, -1, 1));
            producer.send(LiveJobs.tick(ticks, null, "AAA", T0 + 10 * MINUTE, 101, -5));
            producer.send(LiveJobs.tick(ticks, null, "", T0 + 10 * MINUTE, 101, 1));
            producer.flush();

            LiveJobs.await(KAFKA.bootstrapServers(), config.topics.deadLetters, records -> reasons(records).size() == 4,
                    Duration.ofSeconds(60), "four dead letters");
            LiveJobs.await(KAFKA.bootstrapServers(), config.topics.bars,
                    records -> hasBarAt(records, T0 + 8 * MINUTE), Duration.ofSeconds(60), "the bar of minute 8");

            // The newest tick is at 10:00, so the watermark is at 9:54.999 (5 s of allowed disorder) and the
            // bars up to minute 8 are out: a tick of minute 2 is later than the allowed disorder.
            producer.send(LiveJobs.tick(ticks, null, "AAA", T0 + 2 * MINUTE + 5_000, 999, 1));
            for (long t = T0 + 11 * MINUTE; t <= T0 + 16 * MINUTE; t += 10_000) {
                producer.send(LiveJobs.tick(ticks, null, "AAA", t, 100, 1));
            }
            producer.flush();
            List<SpecificRecordBase> dead = LiveJobs.await(KAFKA.bootstrapServers(), config.topics.deadLetters,
                    records -> reasons(records).contains("late"), Duration.ofSeconds(60), "the late tick");
            LiveJobs.await(KAFKA.bootstrapServers(), config.topics.bars,
                    records -> hasBarAt(records, T0 + 14 * MINUTE), Duration.ofSeconds(60), "bars after the late tick");

            assertThat(reasons(dead)).containsExactlyInAnyOrder("malformed", "non_positive_price", "negative_size",
                    "missing_symbol", "late");
            DeadLetter malformed = dead.stream().map(DeadLetter.class::cast)
                    .filter(d -> d.getReason().equals("malformed")).findFirst().orElseThrow();
            assertThat(StandardCharsets.UTF_8.decode(malformed.getPayload()).toString()).isEqualTo("not avro at all");
            assertThat(malformed.getSource()).isEqualTo(ticks);
            assertThat(malformed.getPosition()).isEqualTo(61L);
            List<Bar> bars = LiveJobs.read(KAFKA.bootstrapServers(), config.topics.bars, Bar.class);
            Bar minute2 = bars.stream().filter(b -> b.getWindowStart().toEpochMilli() == T0 + 2 * MINUTE)
                    .findFirst().orElseThrow();
            assertThat(minute2.getHigh()).as("the late tick did not reach its bar").isLessThan(999);
        } finally {
            LiveJobs.cancel(job);
        }
    }

    @Test
    void aQuietPartitionDoesNotStallTheOthers() throws Exception {
        String prefix = "idle-";
        KAFKA.createTopics(2, prefix + "ticks");
        KAFKA.createTopics(1, prefix + "bars", prefix + "indicators", prefix + "signals", prefix + "dead-letters");
        LiveJobConfig config = LiveJobs.config(KAFKA.bootstrapServers(), prefix, checkpoints);
        config.parallelism = 2;
        config.bars.allowedDisorder = "1s";
        config.bars.idleTimeout = "2s";
        String ticks = config.topics.ticks;
        JobClient job = start(config);
        try (KafkaProducer<byte[], byte[]> producer = LiveJobs.producer(KAFKA.bootstrapServers())) {
            for (long t = T0; t < T0 + 5 * MINUTE; t += 10_000) {
                producer.send(LiveJobs.tick(ticks, 0, "AAA", t, 10, 1));
                producer.send(LiveJobs.tick(ticks, 1, "BBB", t, 20, 1));
            }
            producer.flush();
            // BBB's partition now goes quiet; AAA keeps trading, in real time, for longer than the idle timeout.
            for (long t = T0 + 5 * MINUTE; t < T0 + 20 * MINUTE; t += 10_000) {
                producer.send(LiveJobs.tick(ticks, 0, "AAA", t, 11, 1));
                producer.flush();
                Thread.sleep(40);
            }
            List<SpecificRecordBase> bars = LiveJobs.await(KAFKA.bootstrapServers(), config.topics.bars,
                    records -> records.stream().map(Bar.class::cast).anyMatch(b -> b.getSymbol().equals("AAA")
                            && b.getWindowStart().toEpochMilli() >= T0 + 15 * MINUTE),
                    Duration.ofSeconds(60), "AAA's bars after BBB went quiet");
            assertThat(bars.stream().map(Bar.class::cast).filter(b -> b.getSymbol().equals("BBB")))
                    .as("BBB's bars up to its last tick are out too").hasSizeGreaterThanOrEqualTo(4);
        } finally {
            LiveJobs.cancel(job);
        }
    }

    @Test
    void produceLiveAndConsumeCommandsWorkTogether(@TempDir Path dir) throws Exception {
        String prefix = "cli-";
        KAFKA.createTopics(2, prefix + "ticks", prefix + "bars", prefix + "indicators", prefix + "signals",
                prefix + "dead-letters");
        Path ticks = java.nio.file.Files.writeString(dir.resolve("ticks.csv"), String.join("\n",
                "ts,symbol,price,size",
                "2024-05-01T09:00:01Z,AAA,10,1",
                "2024-05-01T09:00:30Z,AAA,12,1",
                "not,a,tick",
                "2024-05-01T09:01:10Z,AAA,11,2",
                "2024-05-01T09:02:10Z,AAA,13,2",
                ""));
        Path config = java.nio.file.Files.writeString(dir.resolve("job.yaml"), String.join("\n",
                "kafka:",
                "  bootstrap-servers: " + KAFKA.bootstrapServers(),
                "  transactional-id-prefix: cli-" + System.nanoTime(),
                "topics:",
                "  ticks: cli-ticks",
                "  bars: cli-bars",
                "  indicators: cli-indicators",
                "  signals: cli-signals",
                "  dead-letters: cli-dead-letters",
                "indicators: sma(2)",
                "checkpoints:",
                "  interval: 500ms",
                "  dir: " + checkpoints.resolve("cli").toUri(),
                ""));

        Cli.Run produce = Cli.run("produce", "--config", config.toString(), "--topic", "cli-ticks", "--from", ticks.toString());
        assertThat(produce.exitCode()).isEqualTo(1);
        assertThat(produce.out()).contains("sent 4 ticks to cli-ticks");
        assertThat(produce.err()).contains(ticks + ":4: has 3 cells, the header has 4 (malformed)");

        Cli.Run live = Cli.run("live", "--config", config.toString(), "--stop-at-latest", "--starting-offsets", "earliest",
                "--parallelism", "2");
        assertThat(live.exitCode()).as(live.err()).isZero();

        Cli.Run consume = Cli.run("consume", "--config", config.toString(), "--topic", "cli-indicators",
                "--from-beginning", "--max", "3");
        assertThat(consume.exitCode()).as(consume.err()).isZero();
        assertThat(consume.out().lines().toList()).containsExactly(
                "symbol,interval,bar_time,close,values",
                "AAA,1m,1714554000000,12.0,sma_2=",
                "AAA,1m,1714554060000,11.0,sma_2=11.5",
                "AAA,1m,1714554120000,13.0,sma_2=12.0");
        Cli.Run json = Cli.run("consume", "--config", config.toString(), "--topic", "cli-bars", "--from-beginning",
                "--max", "1", "--format", "json");
        assertThat(json.out().strip()).startsWith("{\"type\":\"Bar\",\"symbol\":\"AAA\",\"interval\":\"1m\","
                + "\"window_start\":1714554000000,");
    }

    @Test
    void aMissingTopicOrAnUnreachableBrokerIsOneClearLineBeforeTheJobStarts() {
        assertThatThrownBy(() -> KafkaPreflight.check(KAFKA.bootstrapServers(), new Properties(),
                List.of("no-such-topic", "nor-this"), Duration.ofSeconds(10)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("topics no-such-topic, nor-this do not exist on " + KAFKA.bootstrapServers()
                        + "; create them or set topics.* in the job configuration");
        assertThatThrownBy(() -> KafkaPreflight.check("127.0.0.1:1", new Properties(), List.of("ticks"),
                Duration.ofSeconds(3)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cannot reach the Kafka brokers at 127.0.0.1:1 within 3 s");
    }

    private static JobClient start(LiveJobConfig config) throws Exception {
        LiveAnalyticsJob job = LiveAnalyticsJob.prepare(config);
        Configuration conf = job.flinkConfiguration();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.configure(conf);
        job.build(env);
        return env.executeAsync(LiveAnalyticsJob.NAME);
    }

    private static List<String> reasons(List<SpecificRecordBase> records) {
        return records.stream().map(r -> ((DeadLetter) r).getReason()).toList();
    }

    private static boolean hasBarAt(List<SpecificRecordBase> records, long start) {
        return records.stream().map(Bar.class::cast).anyMatch(b -> b.getWindowStart().toEpochMilli() == start);
    }
}
