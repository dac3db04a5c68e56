package io.daytrade.jobs.kafka;

import io.daytrade.schemas.Tick;
import io.daytrade.schemas.TickBytes;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends ticks to a topic as the live job reads them (key = symbol, single-object encoding), optionally
 * at a steady rate: for {@code produce} and the demo's replay.
 */
public final class TickSender implements AutoCloseable {

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final double ratePerSecond;
    private final long started = System.nanoTime();
    private long sent;

    /** @param ratePerSecond ticks per second; 0 or less sends as fast as the broker takes them */
    public TickSender(String bootstrapServers, Properties clientProperties, String topic, double ratePerSecond) {
        this.producer = new KafkaProducer<>(properties(bootstrapServers, clientProperties));
        this.topic = topic;
        this.ratePerSecond = ratePerSecond;
    }

    private static Properties properties(String bootstrapServers, Properties clientProperties) {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return properties;
    }

    /** Sends one tick, then waits if the rate asks for it. */
    public void send(Tick tick) throws InterruptedException {
        producer.send(new ProducerRecord<>(topic, tick.getSymbol().getBytes(StandardCharsets.UTF_8), TickBytes.of(tick)));
        sent++;
        if (ratePerSecond > 0) {
            long wait = started + (long) (sent * 1e9 / ratePerSecond) - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }

    public long sent() {
        return sent;
    }

    /** Waits until everything sent is acknowledged. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
