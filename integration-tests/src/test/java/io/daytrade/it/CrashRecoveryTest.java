package io.daytrade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.daytrade.jobs.kafka.TickFileProducer;
import io.daytrade.jobs.live.LiveJobConfig;
import io.daytrade.local.ClusterSubmission;
import io.daytrade.local.FlinkRest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live job on a real standalone cluster loses and duplicates nothing when its task manager dies:
 * 200,000 ticks of 24 symbols stream in while the task manager running the job is killed with SIGKILL
 * three times at random moments (a new one is started each time); the committed bars, indicators and
 * signals then equal, record for record per symbol, those of a failure-free run over the same ticks.
 */
class CrashRecoveryTest {

    private static final Logger LOG = LoggerFactory.getLogger(CrashRecoveryTest.class);

    @RegisterExtension
    @Order(1)
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @RegisterExtension
    @Order(2)
    static final FlinkClusterExtension FLINK = new FlinkClusterExtension(1);

    private static final int TICKS = 200_000;
    private static final int SYMBOLS = 24;
    private static final String SENTINEL = "ZZ-END";
    private static final List<String> OUTPUTS = ClusterRuns.OUTPUTS;
    private static final String RULES = String.join("\n",
            "rules:",
            "  - id: fast-over-slow",
            "    when: crosses_above(sma_10, sma_50)",
            "    side: buy",
            "  - id: fast-under-slow",
            "    when: crosses_below(sma_10, sma_50)",
            "    side: sell",
            "  - id: oversold",
            "    when: rsi_14 < 30",
            "    side: buy",
            "");

    @Test
    void threeTaskManagerKillsLoseAndDuplicateNothing(@TempDir Path dir) throws Exception {
        Random random = new Random(20261129);
        Path ticks = ClusterRuns.writeTicks(dir.resolve("ticks.csv"), random, TICKS, SYMBOLS, ClusterRuns.at("2026-03-02T14:30:00Z"), 35);
        Path rules = Files.writeString(dir.resolve("rules.yaml"), RULES);
        for (String prefix : List.of("crash-", "clean-")) {
            KAFKA.createTopics(2, OUTPUTS.stream().map(o -> prefix + o).toArray(String[]::new));
            KAFKA.createTopics(2, prefix + "dead-letters");
        }
        KAFKA.createTopics(4, "crash-ticks");
        FlinkRest rest = FLINK.rest();

        // The job under test reads the ticks as they arrive, 1,500 per second for over two minutes: bars only
        // complete while ticks keep coming, so production must outlast three kills and their recoveries
        // (20-40 s each on a loaded 2-core machine).
        String crashy = submit(rest, config(dir, "crash-", "crash-ticks", rules, false));
        ClusterRuns.awaitState(rest, crashy, "RUNNING", Duration.ofSeconds(60));
        CompletableFuture<TickFileProducer.Result> produced = CompletableFuture.supplyAsync(() -> {
            try {
                return TickFileProducer.produce(ticks, "crash-ticks", KAFKA.bootstrapServers(), new Properties(), 1_500);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        List<Long> recoveries = new ArrayList<>();
        Map<String, Integer> attempts = awaitEveryTaskRunning(rest, crashy, Map.of(), Duration.ofSeconds(120));
        for (int kill = 1; kill <= 3; kill++) {
            Thread.sleep(1_000 + random.nextInt(3_000));
            // With one task manager alive and every task running, the victim is the one running them all.
            List<ProcessHandle> alive = FLINK.cluster().taskManagers();
            assertThat(alive).as("task managers alive before kill %d", kill).hasSize(1);
            ProcessHandle victim = alive.get(0);
            long killedAt = System.nanoTime();
            FLINK.cluster().kill(victim);
            FLINK.cluster().startTaskManager();
            attempts = awaitEveryTaskRunning(rest, crashy, attempts, Duration.ofSeconds(120));
            long recovered = awaitGrowth("crash-bars", ClusterRuns.committed(KAFKA.bootstrapServers(), "crash-bars"),
                    Duration.ofSeconds(120));
            long millis = (recovered - killedAt) / 1_000_000;
            recoveries.add(millis);
            LOG.info("kill {}: task manager {} killed with SIGKILL; every task restarted and output flowing again after {} ms",
                    kill, victim.pid(), millis);
        }
        awaitRestartsCounted(rest, crashy, 3, Duration.ofSeconds(60));
        assertThat(produced.get().sent()).isEqualTo(TICKS);
        endOfInput("crash-ticks");
        LOG.info("recovery times (kill to committed output growing again), ms: {}", recoveries);

        // The reference: a run that never fails, over the same topic, to its end.
        FLINK.cluster().startTaskManager();
        FLINK.cluster().awaitTaskManagers(2, Duration.ofSeconds(60));
        String clean = submit(rest, config(dir, "clean-", "crash-ticks", rules, true));
        ClusterRuns.awaitState(rest, clean, "FINISHED", Duration.ofSeconds(240));

        for (String output : OUTPUTS) {
            Map<String, List<String>> expected = bySymbol(read("clean-" + output));
            assertThat(expected.values().stream().mapToInt(List::size).sum()).as("clean %s", output).isPositive();
            awaitSize("crash-" + output, expected.values().stream().mapToInt(List::size).sum(), Duration.ofSeconds(120));
            Map<String, List<String>> actual = bySymbol(read("crash-" + output));
            assertThat(actual.keySet()).as(output).isEqualTo(expected.keySet());
            for (String symbol : expected.keySet()) {
                assertThat(actual.get(symbol)).as("%s of %s", output, symbol).containsExactlyElementsOf(expected.get(symbol));
            }
        }
        assertThat(bySymbol(read("crash-bars"))).hasSize(SYMBOLS);
        assertThat(read("crash-dead-letters")).isEmpty();
        rest.cancel(crashy);
        ClusterRuns.awaitState(rest, crashy, "CANCELED", Duration.ofSeconds(60));
    }

    /** A tick an hour later in every partition: the watermark passes every real bar, so they all close. */
    private static void endOfInput(String topic) throws Exception {
        long later = ClusterRuns.at("2026-03-02T17:00:00Z");
        try (KafkaProducer<byte[], byte[]> producer = LiveJobs.producer(KAFKA.bootstrapServers())) {
            for (int partition = 0; partition < 4; partition++) {
                producer.send(LiveJobs.tick(topic, partition, SENTINEL, later, 1, 1)).get();
            }
        }
    }

    private static Path config(Path dir, String prefix, String ticksTopic, Path rules, boolean toTheEnd) throws Exception {
        LiveJobConfig config = LiveJobs.config(KAFKA.bootstrapServers(), prefix, dir);
        config.topics.ticks = ticksTopic;
        config.kafka.groupId = prefix + "group";
        config.kafka.stopAtLatest = toTheEnd;
        config.indicators = "sma(10),sma(50),rsi(14),macd(12,26,9),bbands(20,2),atr(14)";
        config.rules = rules.toString();
        config.parallelism = 2;
        config.checkpoints.interval = "1s";
        config.restart.attempts = 100;
        config.restart.delay = "1s";
        // Idleness is wall-clock time: a partition must never count as idle while the job is down.
        config.bars.idleTimeout = "10min";
        return ClusterRuns.jobFile(dir, config, prefix);
    }

    private static String submit(FlinkRest rest, Path config) throws Exception {
        return ClusterSubmission.submit(rest, List.of("live", "--config", config.toString()), null, null, false);
    }

    /**
     * Waits until every subtask of the job runs an attempt later than the one in {@code previous} (its
     * subtask key to attempt; empty for the first run) and returns the attempts now running. The job's state
     * alone cannot tell: it is RUNNING again a second after the failure while its tasks wait for the new task
     * manager's slots, and the REST API's job view may be 3 s old. A kill in that window hits a task manager
     * the job does not use yet, and no restart follows (seen in CI as numRestarts 2 after three kills).
     */
    private static Map<String, Integer> awaitEveryTaskRunning(FlinkRest rest, String job, Map<String, Integer> previous,
            Duration timeout) {
        List<FlinkRest.Subtask> subtasks = await("every task of job " + job + " on an attempt later than " + previous)
                .atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> rest.subtasks(job), now -> !now.isEmpty() && now.stream().allMatch(subtask ->
                        subtask.status().equals("RUNNING") && subtask.attempt() > previous.getOrDefault(key(subtask), -1)));
        return subtasks.stream().collect(Collectors.toMap(CrashRecoveryTest::key, FlinkRest.Subtask::attempt));
    }

    private static String key(FlinkRest.Subtask subtask) {
        return subtask.vertex() + "#" + subtask.index();
    }

    /** Flink's own restart counter agrees (its metrics reach the REST API up to 10 s late). */
    private static void awaitRestartsCounted(FlinkRest rest, String job, int restarts, Duration timeout) {
        await("numRestarts of job " + job + " after " + restarts + " kills").atMost(timeout).pollInterval(Duration.ofMillis(500))
                .until(() -> rest.jobMetric(job, "numRestarts"), count -> count != null && Long.parseLong(count) >= restarts);
    }

    /** Waits until more is committed to {@code topic} than {@code before}; returns when (nanoTime). */
    private static long awaitGrowth(String topic, long before, Duration timeout) {
        await("new output in " + topic + " after the kill").atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> ClusterRuns.committed(KAFKA.bootstrapServers(), topic), committed -> committed > before);
        return System.nanoTime();
    }

    /** Waits for {@code size} records, then a little longer: anything beyond it would be a duplicate and must show. */
    private static void awaitSize(String topic, int size, Duration timeout) throws InterruptedException {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> read(topic).size() >= size);
        } catch (ConditionTimeoutException tooFew) {
            // The comparison that follows says which records are missing, better than a count would.
        }
        Thread.sleep(3_000);
    }

    private static List<SpecificRecordBase> read(String topic) {
        return ClusterRuns.read(KAFKA.bootstrapServers(), topic);
    }

    private static Map<String, List<String>> bySymbol(List<SpecificRecordBase> records) {
        return ClusterRuns.textBySymbol(records, SENTINEL);
    }
}
