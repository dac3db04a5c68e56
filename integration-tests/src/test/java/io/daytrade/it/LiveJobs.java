package io.daytrade.it;

import io.daytrade.jobs.kafka.TopicReader;
import io.daytrade.jobs.live.LiveJobConfig;
import io.daytrade.schemas.Tick;
import io.daytrade.schemas.TickBytes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;

/** Helpers for tests of the live job against the test broker. */
final class LiveJobs {

    private LiveJobs() {}

    /** A configuration for topics named {@code prefix + name}, fast checkpoints, and quick restarts. */
    static LiveJobConfig config(String bootstrap, String prefix, Path dir) {
        LiveJobConfig config = new LiveJobConfig();
        config.kafka.bootstrapServers = bootstrap;
        config.kafka.startingOffsets = "earliest";
        config.kafka.transactionalIdPrefix = prefix + System.nanoTime();
        config.topics.ticks = prefix + "ticks";
        config.topics.bars = prefix + "bars";
        config.topics.indicators = prefix + "indicators";
        config.topics.signals = prefix + "signals";
        config.topics.deadLetters = prefix + "dead-letters";
        config.topics.crossAsset = prefix + "cross-asset";
        config.checkpoints.interval = "500ms";
        config.checkpoints.dir = dir.resolve("checkpoints-" + prefix).toUri().toString();
        config.restart.delay = "500ms";
        return config;
    }

    /**
     * Cancels an unbounded job and waits until it has really ended, so that nothing still writes
     * checkpoints into a directory a test is about to delete.
     */
    static void cancel(org.apache.flink.core.execution.JobClient job) throws Exception {
        job.cancel().get(60, java.util.concurrent.TimeUnit.SECONDS);
        Awaitility.await("job " + job.getJobID() + " ended after its cancellation").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100)).until(() -> job.getJobStatus().get().isGloballyTerminalState());
    }

    /** Deletes what it can: a finished job's checkpoint cleanup may still be running in the background. */
    static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException | java.io.UncheckedIOException ignored) {
            // Left for the OS's temporary-file cleanup.
        }
    }

    static <T> List<T> read(String bootstrap, String topic, Class<T> type) {
        try (TopicReader reader = new TopicReader(bootstrap, new Properties(), topic, true)) {
            return reader.readToEnd().stream().map(type::cast).toList();
        }
    }

    /** Polls {@code topic} until its committed records satisfy {@code condition}; fails after {@code timeout}. */
    static List<SpecificRecordBase> await(String bootstrap, String topic, Predicate<List<SpecificRecordBase>> condition,
            Duration timeout, String what) {
        return Awaitility.await(what + " in " + topic).atMost(timeout).pollInterval(Duration.ofMillis(300))
                .until(() -> new Records(read(bootstrap, topic, SpecificRecordBase.class)), now -> condition.test(now.all()))
                .all();
    }

    /** A topic's records, shown in a failure by their count and the first few, not all of them. */
    private record Records(List<SpecificRecordBase> all) {
        @Override
        public String toString() {
            return all.size() + " records, the first: " + all.stream().limit(5).toList();
        }
    }

    static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(properties);
    }

    static ProducerRecord<byte[], byte[]> tick(String topic, Integer partition, String symbol, long time, double price,
            double size) {
        Tick tick = Tick.newBuilder().setSymbol(symbol).setEventTime(Instant.ofEpochMilli(time)).setPrice(price)
                .setSize(size).build();
        return new ProducerRecord<>(topic, partition, symbol.getBytes(StandardCharsets.UTF_8), TickBytes.of(tick));
    }
}
