package io.daytrade.operators.deadletters;

import io.daytrade.schemas.DeadLetter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.util.OutputTag;

/** The side output every operator sends unusable records to, and the reasons it uses. */
public final class DeadLetters {

    /** Side output of records that could not be used. Nothing is dropped without one. */
    public static final OutputTag<DeadLetter> TAG =
            new OutputTag<>("dead-letters", new AvroTypeInfo<>(DeadLetter.class));

    public static final String MALFORMED = "malformed";
    public static final String NON_POSITIVE_PRICE = "non_positive_price";
    public static final String NEGATIVE_SIZE = "negative_size";
    public static final String MISSING_SYMBOL = "missing_symbol";
    public static final String LATE = "late";
    public static final String OUT_OF_ORDER_BAR = "out_of_order_bar";
    public static final String INVALID_BAR = "invalid_bar";

    private DeadLetters() {}

    public static DeadLetter of(String source, Long position, byte[] payload, String reason, String detail) {
        return DeadLetter.newBuilder()
                .setSource(source)
                .setPosition(position)
                .setPayload(ByteBuffer.wrap(payload))
                .setReason(reason)
                .setDetail(detail)
                .build();
    }

    public static DeadLetter ofText(String source, Long position, String payload, String reason, String detail) {
        return of(source, position, payload.getBytes(StandardCharsets.UTF_8), reason, detail);
    }
}
