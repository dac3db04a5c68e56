package io.daytrade.jobs.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.daytrade.operators.deadletters.DeadLetters;
import io.daytrade.schemas.DeadLetter;
import io.daytrade.schemas.Tick;
import io.daytrade.schemas.TickBytes;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TickRecordDeserializerTest {

    private final TickRecordDeserializer deserializer = new TickRecordDeserializer();
    /** Dead letters as they come, ticks as text: the tick of a Right is reused by the next record. */
    private final List<Object> emitted = new ArrayList<>();
    private final Collector<Either<DeadLetter, Tick>> out = new Collector<>() {
        @Override
        public void collect(Either<DeadLetter, Tick> record) {
            emitted.add(record.isRight() ? "tick " + record.right() : record.left());
        }

        @Override
        public void close() {}
    };

    @BeforeEach
    void open() {
        deserializer.open(null);
    }

    @Test
    void aTickWithoutSequenceGetsItsOffsetAndTheNextTickIsDecodedWhole() throws Exception {
        Tick first = new Tick("AAPL", Instant.ofEpochMilli(1_000), 190.5, 3.0, "XNAS", "t-1", null);
        Tick second = new Tick("MSFT", Instant.ofEpochMilli(2_000), 410.25, 1.0, null, null, 99L);

        deserializer.deserialize(record(41, TickBytes.of(first)), out);
        deserializer.deserialize(record(42, TickBytes.of(second)), out);

        Tick firstWithOffset = Tick.newBuilder(first).setSequence(41L).build();
        assertThat(emitted).containsExactly("tick " + firstWithOffset, "tick " + second);
    }

    @Test
    void bytesThatAreNotATickBecomeADeadLetterWithTheirOffsetAndBytes() throws Exception {
        byte[] cut = Arrays.copyOf(TickBytes.of(new Tick("AAPL", Instant.EPOCH, 1.0, 1.0, null, null, 1L)), 12);
        deserializer.deserialize(record(7, cut), out);
        deserializer.deserialize(record(8, null), out);

        assertThat(emitted).hasSize(2).allMatch(DeadLetter.class::isInstance);
        List<byte[]> payloads = List.of(cut, new byte[0]);
        for (int i = 0; i < 2; i++) {
            DeadLetter letter = (DeadLetter) emitted.get(i);
            assertThat(letter.getSource()).isEqualTo("ticks");
            assertThat(letter.getPosition()).isEqualTo(7L + i);
            assertThat(letter.getReason()).isEqualTo(DeadLetters.MALFORMED);
            assertThat(letter.getDetail()).startsWith("partition 3: not a Tick in Avro single-object encoding: ");
            assertThat(letter.getPayload()).isEqualTo(ByteBuffer.wrap(payloads.get(i)));
        }
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset, byte[] value) {
        return new ConsumerRecord<>("ticks", 3, offset, "key".getBytes(), value);
    }
}
