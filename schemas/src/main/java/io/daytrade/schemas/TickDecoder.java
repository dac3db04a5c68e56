package io.daytrade.schemas;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * Decodes ticks of the {@code ticks} topic (Avro single-object encoding) into one {@link Tick} it reuses,
 * for a consumer that hands each tick on before it decodes the next (a Flink source's chain does).
 *
 * <p>{@code Tick.getDecoder()} is the same Avro reader behind a lookup of the writer's schema by
 * fingerprint in a concurrent map, a thread-local decoder and a new record made by reflection, for
 * every message: together about a sixth of a Kafka source thread's time in the live benchmark's profile.
 * Ticks written with the current schema (the header names its fingerprint) are read here with one reader
 * and one decoder kept between calls; anything else (another version of the schema, bytes that are not
 * a tick, a tick cut short) goes to {@code Tick.getDecoder()}, so that resolution and errors are exactly
 * the library's.
 *
 * <p>Not thread-safe: one per consuming thread.
 */
public final class TickDecoder {

    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;
    private static final int HEADER_LENGTH = 10;
    private static final long FINGERPRINT = SchemaNormalization.parsingFingerprint64(Tick.getClassSchema());

    private final SpecificDatumReader<Tick> reader = new SpecificDatumReader<>(Tick.class);
    private BinaryDecoder decoder;
    private Tick reused;

    /**
     * The tick in {@code bytes}; the same object as the previous call returned when both were written
     * with the current schema, so the caller must be done with the previous one.
     *
     * @throws IOException when the bytes are not a tick in single-object encoding of a known schema
     */
    public Tick decode(byte[] bytes) throws IOException {
        if (!writtenWithCurrentSchema(bytes)) {
            return Tick.getDecoder().decode(ByteBuffer.wrap(bytes));
        }
        decoder = DecoderFactory.get().binaryDecoder(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH, decoder);
        try {
            reused = reader.read(reused, decoder);
            return reused;
        } catch (IOException | RuntimeException e) {
            // Truncated or corrupt after a valid header: decoded again by the library, for its error.
            reused = null;
            return Tick.getDecoder().decode(ByteBuffer.wrap(bytes));
        }
    }

    private static boolean writtenWithCurrentSchema(byte[] bytes) {
        return bytes.length >= HEADER_LENGTH && bytes[0] == MARKER_0 && bytes[1] == MARKER_1
                && littleEndianLong(bytes, 2) == FINGERPRINT;
    }

    private static long littleEndianLong(byte[] bytes, int from) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (bytes[from + i] & 0xFFL);
        }
        return value;
    }
}
