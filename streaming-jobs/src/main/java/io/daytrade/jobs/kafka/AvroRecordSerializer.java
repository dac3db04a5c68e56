package io.daytrade.jobs.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes records to one topic in Avro's single-object encoding (a marker and the writer schema's
 * fingerprint, then the binary record), so any consumer can find the writer schema in {@code schemas/};
 * the record key is the symbol, so one symbol's records stay in order on one partition. The record
 * timestamp is the write time; event times are in the payload.
 */
public final class AvroRecordSerializer<T extends SpecificRecordBase> implements KafkaRecordSerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final String topic;
    private final SerializableFunction<T, String> key;
    private transient BinaryMessageEncoder<T> encoder;

    public AvroRecordSerializer(Class<T> type, String topic, SerializableFunction<T, String> key) {
        this.type = type;
        this.topic = topic;
        this.key = key;
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
        encoder = encoderFor(type);
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T record, KafkaSinkContext context, Long timestamp) {
        if (encoder == null) {
            encoder = encoderFor(type);
        }
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] value = new byte[buffer.remaining()];
            buffer.get(value);
            // The Kafka timestamp is when the record was written, not its event time (which is in the payload):
            // replayed history stamped with old event times would be deleted by time-based retention within
            // minutes, and Kafka rejects the negative times of bars before 1970.
            return new ProducerRecord<>(topic, null, null, key.apply(record).getBytes(StandardCharsets.UTF_8), value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot encode a " + type.getSimpleName() + " for topic " + topic, e);
        }
    }

    static <T extends SpecificRecordBase> BinaryMessageEncoder<T> encoderFor(Class<T> type) {
        SpecificData model = SpecificData.getForClass(type);
        return new BinaryMessageEncoder<>(model, model.getSchema(type));
    }
}
