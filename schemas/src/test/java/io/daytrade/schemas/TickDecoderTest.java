package io.daytrade.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.MissingSchemaException;
import org.junit.jupiter.api.Test;

class TickDecoderTest {

    @Test
    void decodesEveryTickAsTheLibraryDoesWhileReusingOneRecord() throws Exception {
        Random random = new Random(8);
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            ticks.add(randomTick(random, i));
        }
        TickDecoder decoder = new TickDecoder();
        Tick first = null;
        for (Tick tick : ticks) {
            byte[] bytes = TickBytes.of(tick);
            Tick decoded = decoder.decode(bytes);
            // Compared field by field before the next decode overwrites it; optional fields go from set to
            // unset and back, so a field the reader failed to reset would show.
            assertThat(decoded).isEqualTo(tick).isEqualTo(Tick.getDecoder().decode(ByteBuffer.wrap(bytes)));
            if (first == null) {
                first = decoded;
            }
            assertThat(decoded).isSameAs(first);
        }
    }

    @Test
    void bytesThatAreNotATickFailAsTheLibraryFails() throws Exception {
        byte[] valid = TickBytes.of(randomTick(new Random(1), 7));
        byte[] otherFingerprint = valid.clone();
        otherFingerprint[5] ^= 0x40;
        byte[] badHeader = valid.clone();
        badHeader[0] = 0x00;
        byte[] cutShort = Arrays.copyOf(valid, valid.length - 3);
        byte[] headerOnly = Arrays.copyOf(valid, 10);

        assertThat(failure(otherFingerprint)).isInstanceOf(MissingSchemaException.class);
        assertThat(failure(badHeader)).isInstanceOf(BadHeaderException.class);
        for (byte[] bytes : List.of(otherFingerprint, badHeader, cutShort, headerOnly, new byte[0], new byte[] {(byte) 0xC3})) {
            Throwable ours = failure(bytes);
            Throwable library = catchThrowable(() -> Tick.getDecoder().decode(ByteBuffer.wrap(bytes)));
            assertThat(ours).as(Arrays.toString(bytes)).isNotNull().hasSameClassAs(library).hasMessage(library.getMessage());
        }
    }

    @Test
    void aFailureDoesNotSpoilTheNextTick() throws Exception {
        TickDecoder decoder = new TickDecoder();
        Tick before = randomTick(new Random(2), 1);
        Tick after = randomTick(new Random(3), 2);
        byte[] valid = TickBytes.of(before);
        decoder.decode(valid);
        assertThat(catchThrowable(() -> decoder.decode(Arrays.copyOf(valid, valid.length - 1)))).isNotNull();
        assertThat(decoder.decode(TickBytes.of(after))).isEqualTo(after);
    }

    private static Throwable failure(byte[] bytes) {
        return catchThrowable(() -> new TickDecoder().decode(bytes));
    }

    private static Tick randomTick(Random random, long i) {
        String symbol = random.nextInt(10) == 0 ? "ÄÖ-€" + i : "SYM" + random.nextInt(500);
        return new Tick(symbol, Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(1_000_000)),
                random.nextDouble() * 1000, random.nextInt(4) == 0 ? 0.0 : random.nextDouble() * 50,
                random.nextBoolean() ? "XNAS" : null, random.nextBoolean() ? "T" + i : null,
                random.nextBoolean() ? Long.valueOf(i) : null);
    }
}
