package io.daytrade.jobs.kafka;

import io.daytrade.schemas.Bar;
import io.daytrade.schemas.CrossAsset;
import io.daytrade.schemas.DeadLetter;
import io.daytrade.schemas.IndicatorValues;
import io.daytrade.schemas.Signal;
import io.daytrade.schemas.Tick;

import java.nio.ByteBuffer;
import java.util.List;

import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificRecordBase;

/** Decodes any of the project's records from single-object encoding, recognising it by its schema fingerprint. */
public final class AvroTopics {

    private static final List<BinaryMessageDecoder<? extends SpecificRecordBase>> DECODERS = List.of(
            Tick.getDecoder(), Bar.getDecoder(), IndicatorValues.getDecoder(), Signal.getDecoder(),
            DeadLetter.getDecoder(), CrossAsset.getDecoder());

    private AvroTopics() {}

    public static SpecificRecordBase decode(byte[] value) {
        for (BinaryMessageDecoder<? extends SpecificRecordBase> decoder : DECODERS) {
            try {
                return decoder.decode(ByteBuffer.wrap(value));
            } catch (MissingSchemaException e) {
                // Another record type's fingerprint: try the next decoder.
            } catch (Exception e) {
                throw new IllegalArgumentException("not a day-trade-flink Avro record: " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("not a day-trade-flink Avro record (unknown schema fingerprint)");
    }
}
