package io.daytrade.it;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.daytrade.jobs.kafka.TopicReader;
import io.daytrade.jobs.live.LiveJobConfig;
import io.daytrade.local.FlinkRest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** What the tests of the live job on a standalone cluster share: tick files, job files, waiting, reading. */
final class ClusterRuns {

    static final List<String> OUTPUTS = List.of("bars", "indicators", "signals");
    /** States a job does not leave: waiting for any other is hopeless once it is in one. */
    private static final List<String> ENDED = List.of("FAILED", "CANCELED", "FINISHED");

    private ClusterRuns() {}

    /** {@code count} ticks of {@code symbols} symbols (S00, S01, ...) in time order, 0 to {@code maxGap} ms apart. */
    static Path writeTicks(Path file, Random random, int count, int symbols, long start, int maxGap) throws Exception {
        StringBuilder text = new StringBuilder("ts,symbol,price,size\n");
        double[] prices = new double[symbols];
        java.util.Arrays.setAll(prices, s -> 20 + 5 * s);
        long time = start;
        for (int i = 0; i < count; i++) {
            time += random.nextInt(maxGap + 1);
            int s = random.nextInt(symbols);
            prices[s] = Math.max(0.5, prices[s] * (1 + random.nextGaussian() * 0.0015));
            text.append(time).append(",S").append(String.format("%02d", s)).append(',')
                    .append(Math.round(prices[s] * 10_000) / 10_000.0).append(',').append(1 + random.nextInt(300)).append('\n');
        }
        return Files.writeString(file, text);
    }

    /** The job configuration of a run whose output topics start with {@code prefix}, written to a YAML file. */
    static Path jobFile(Path dir, LiveJobConfig config, String prefix) throws Exception {
        Path file = dir.resolve(prefix + "job.yaml");
        new ObjectMapper(new YAMLFactory()).writeValue(file.toFile(), config);
        return file;
    }

    static void awaitState(FlinkRest rest, String job, String state, Duration timeout) throws Exception {
        String reached = await("job " + job + " " + state).atMost(timeout).pollInterval(Duration.ofMillis(250))
                .until(() -> rest.state(job), now -> now.equals(state) || ENDED.contains(now));
        if (!reached.equals(state)) {
            throw new AssertionError("job " + job + " is " + reached + ", not " + state
                    + (rest.failure(job) == null ? "" : ": " + rest.failure(job)));
        }
    }

    /** Records visible to read_committed consumers: the last stable offsets added up. */
    static long committed(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            return admin.listOffsets(latest(admin, topic), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                    .values().stream().mapToLong(info -> info.offset()).sum();
        }
    }

    /** Waits until the consumer group has committed (on a checkpoint) every offset of {@code topic}. */
    static void awaitConsumed(String bootstrap, String group, String topic, Duration timeout) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            var ends = admin.listOffsets(latest(admin, topic)).all().get();
            await("group " + group + " consumed all of " + topic).atMost(timeout).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        var consumed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                        return ends.entrySet().stream().allMatch(end -> consumed.get(end.getKey()) != null
                                && consumed.get(end.getKey()).offset() >= end.getValue().offset());
                    });
        }
    }

    private static Map<TopicPartition, OffsetSpec> latest(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
    }

    static List<SpecificRecordBase> read(String bootstrap, String topic) {
        try (TopicReader reader = new TopicReader(bootstrap, new Properties(), topic, true)) {
            return reader.readToEnd();
        }
    }

    /** Per symbol, the records in the order the topic holds them (one partition per symbol keeps order). */
    static Map<String, List<SpecificRecordBase>> bySymbol(List<SpecificRecordBase> records, String excluded) {
        Map<String, List<SpecificRecordBase>> bySymbol = new TreeMap<>();
        for (SpecificRecordBase record : records) {
            String symbol = record.get("symbol").toString();
            if (!symbol.equals(excluded)) {
                bySymbol.computeIfAbsent(symbol, s -> new ArrayList<>()).add(record);
            }
        }
        return bySymbol;
    }

    static Map<String, List<String>> textBySymbol(List<SpecificRecordBase> records, String excluded) {
        Map<String, List<String>> text = new TreeMap<>();
        bySymbol(records, excluded).forEach((symbol, list) -> text.put(symbol, list.stream().map(Object::toString).toList()));
        return text;
    }

    static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
