package io.daytrade.jobs.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic with {@code isolation.level=read_committed}, so only what an exactly-once job committed
 * is seen, without joining a consumer group (it commits nothing and disturbs nobody).
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();

    public TopicReader(String bootstrapServers, Properties clientProperties, String topic, boolean fromBeginning) {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(properties);
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(15));
        if (infos == null || infos.isEmpty()) {
            consumer.close();
            throw new IllegalArgumentException("topic " + topic + " does not exist on " + bootstrapServers);
        }
        infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
    }

    /** Hands each record to {@code sink} until {@code max} records, or until the stop condition holds. */
    public long read(Consumer<ConsumerRecord<byte[], byte[]>> sink, long max, java.util.function.BooleanSupplier stop) {
        long count = 0;
        while (count < max && !stop.getAsBoolean()) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                sink.accept(record);
                if (++count >= max) {
                    break;
                }
            }
        }
        return count;
    }

    /** Everything committed up to the topic's current end, decoded. */
    public List<SpecificRecordBase> readToEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<SpecificRecordBase> records = new ArrayList<>();
        read(record -> records.add(AvroTopics.decode(record.value())), Long.MAX_VALUE,
                () -> end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue()));
        return records;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
