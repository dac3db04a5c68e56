package io.daytrade.jobs.kafka;

import io.daytrade.operators.deadletters.DeadLetters;
import io.daytrade.schemas.DeadLetter;
import io.daytrade.schemas.Tick;
import io.daytrade.schemas.TickDecoder;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes the {@code ticks} topic: Avro single-object encoding of {@link Tick}. Never throws on bad
 * bytes (that would fail the job forever on one poison record); it turns them into a dead letter that
 * keeps the topic, offset and raw bytes. A tick without a sequence gets its offset: the arrival order
 * within its partition, which orders ticks with equal times.
 *
 * <p>Each tick is decoded into the same record ({@link TickDecoder}): the source emits it down its chain
 * before the next is decoded, and no operator of the chain keeps a tick it was given.
 */
public final class TickRecordDeserializer implements KafkaRecordDeserializationSchema<Either<DeadLetter, Tick>> {

    private static final long serialVersionUID = 1L;

    private transient TickDecoder decoder;

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        decoder = new TickDecoder();
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Either<DeadLetter, Tick>> out) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        Tick tick;
        try {
            tick = decoder.decode(value);
        } catch (Exception e) {
            out.collect(Either.Left(DeadLetters.of(record.topic(), record.offset(), value, DeadLetters.MALFORMED,
                    "partition " + record.partition() + ": not a Tick in Avro single-object encoding: "
                            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()))));
            return;
        }
        if (tick.getSequence() == null) {
            tick.setSequence(record.offset());
        }
        out.collect(Either.Right(tick));
    }

    @Override
    public TypeInformation<Either<DeadLetter, Tick>> getProducedType() {
        return new EitherTypeInfo<>(new AvroTypeInfo<>(DeadLetter.class), new AvroTypeInfo<>(Tick.class));
    }
}
