package io.daytrade.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/** A tick as the bytes the {@code ticks} topic carries: Avro single-object encoding. */
public final class TickBytes {

    private TickBytes() {}

    public static byte[] of(Tick tick) {
        try {
            ByteBuffer encoded = tick.toByteBuffer();
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (IOException e) {
            // Encoding into memory fails only if the record breaks its own schema: a programming error.
            throw new UncheckedIOException("cannot encode tick " + tick, e);
        }
    }
}
