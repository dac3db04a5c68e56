package io.daytrade.jobs.kafka;

import io.daytrade.jobs.csv.CsvLayout;
import io.daytrade.jobs.csv.SourceLine;
import io.daytrade.jobs.csv.TickCsv;
import io.daytrade.schemas.Tick;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.LongSupplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends a tick file to a topic, key = symbol, value = the tick in single-object encoding with its line
 * number as sequence (the same tie order the bounded jobs use), optionally at a steady rate. Lines that
 * cannot be parsed are reported and skipped; parseable ticks are sent as they are, since validating
 * them is the job's business (bad ones become dead letters there).
 */
public final class TickFileProducer {

    /** What was sent, and the lines that could not be. */
    public record Result(long sent, List<String> rejectedLines) {}

    private TickFileProducer() {}

    /** @param ratePerSecond ticks per second; 0 or less sends as fast as the broker takes them */
    public static Result produce(Path file, String topic, String bootstrapServers, Properties clientProperties,
            double ratePerSecond) throws IOException, InterruptedException {
        CsvLayout layout = CsvLayout.forTicks(file);
        try (Producer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(bootstrapServers, clientProperties))) {
            return send(file, layout, topic, producer, ratePerSecond, System::nanoTime);
        }
    }

    static Properties producerProperties(String bootstrapServers, Properties clientProperties) {
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

    private static Result send(Path file, CsvLayout layout, String topic, Producer<byte[], byte[]> producer,
            double ratePerSecond, LongSupplier nanoTime) throws IOException, InterruptedException {
        List<String> rejected = new ArrayList<>();
        long sent = 0;
        long started = nanoTime.getAsLong();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine();
            long number = 1;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                Tick tick;
                try {
                    tick = TickCsv.parse(layout, new SourceLine(file.toString(), number, text));
                } catch (IllegalArgumentException e) {
                    rejected.add(file + ":" + number + ": " + e.getMessage() + " (malformed)");
                    continue;
                }
                ByteBuffer encoded = tick.toByteBuffer();
                byte[] value = new byte[encoded.remaining()];
                encoded.get(value);
                producer.send(new ProducerRecord<>(topic, tick.getSymbol().getBytes(StandardCharsets.UTF_8), value));
                sent++;
                if (ratePerSecond > 0) {
                    long due = started + (long) (sent * 1e9 / ratePerSecond);
                    long wait = due - nanoTime.getAsLong();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
            }
        }
        try {
            producer.flush();
        } catch (RuntimeException e) {
            throw new IOException("sending to " + topic + " failed: " + e.getMessage(), e);
        }
        return new Result(sent, rejected);
    }
}
