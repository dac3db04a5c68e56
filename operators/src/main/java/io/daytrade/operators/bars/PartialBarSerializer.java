package io.daytrade.operators.bars;

import io.daytrade.schemas.DeadLetter;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;

/**
 * The bar parts' form on the shuffle between the pre-aggregation and the bar stage: the fields written in
 * a fixed order, an exact sum as its partials in use only.
 *
 * <p>Why not Flink's POJO serializer: it makes every record it reads by reflection and fills each field of
 * it with a new instance of the field's type (the part's accumulator, its two sums, and an Avro dead letter
 * for the late-tick field) before reading the values over them; that was a fifth of the bar stage's
 * thread in a profile of the live job. Parts only travel and are never kept in state, so this format
 * can change with the class: {@code PartialBarSerializerTest} fills every field and checks that all come
 * back, so a field added to the part or its accumulator without being written here fails it.
 */
public final class PartialBarSerializer extends TypeSerializer<PartialBar> {

    private static final long serialVersionUID = 1L;

    private static final byte BAR = 0;
    private static final byte LATE = 1;
    private static final byte NEITHER = 2;

    private final AvroSerializer<DeadLetter> deadLetters;

    public PartialBarSerializer() {
        this(new AvroSerializer<>(DeadLetter.class));
    }

    private PartialBarSerializer(AvroSerializer<DeadLetter> deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public void serialize(PartialBar part, DataOutputView target) throws IOException {
        StringSerializer.INSTANCE.serialize(part.symbol, target);
        target.writeInt(part.interval);
        if (part.bar != null) {
            target.writeByte(BAR);
            write(part.bar, target);
        } else if (part.late != null) {
            target.writeByte(LATE);
            deadLetters.serialize(part.late, target);
        } else {
            target.writeByte(NEITHER);
        }
    }

    @Override
    public PartialBar deserialize(DataInputView source) throws IOException {
        PartialBar part = new PartialBar();
        part.symbol = StringSerializer.INSTANCE.deserialize(source);
        part.interval = source.readInt();
        byte kind = source.readByte();
        if (kind == BAR) {
            part.bar = read(source);
        } else if (kind == LATE) {
            part.late = deadLetters.deserialize(source);
        } else if (kind != NEITHER) {
            throw new IOException("not a bar part: kind " + kind);
        }
        return part;
    }

    private static void write(BarAccumulator bar, DataOutputView target) throws IOException {
        target.writeLong(bar.windowStart);
        target.writeLong(bar.windowEnd);
        target.writeDouble(bar.open);
        target.writeLong(bar.openTime);
        target.writeLong(bar.openSequence);
        target.writeDouble(bar.high);
        target.writeDouble(bar.low);
        target.writeDouble(bar.close);
        target.writeLong(bar.closeTime);
        target.writeLong(bar.closeSequence);
        write(bar.volume, target);
        write(bar.notional, target);
        target.writeLong(bar.tickCount);
        target.writeLong(bar.lastArrival);
    }

    private static BarAccumulator read(DataInputView source) throws IOException {
        BarAccumulator bar = new BarAccumulator();
        bar.windowStart = source.readLong();
        bar.windowEnd = source.readLong();
        bar.open = source.readDouble();
        bar.openTime = source.readLong();
        bar.openSequence = source.readLong();
        bar.high = source.readDouble();
        bar.low = source.readDouble();
        bar.close = source.readDouble();
        bar.closeTime = source.readLong();
        bar.closeSequence = source.readLong();
        bar.volume = readSum(source);
        bar.notional = readSum(source);
        bar.tickCount = source.readLong();
        bar.lastArrival = source.readLong();
        return bar;
    }

    /** The partials in use; -1 for no sum at all. */
    private static void write(ExactSum sum, DataOutputView target) throws IOException {
        if (sum == null) {
            target.writeInt(-1);
            return;
        }
        target.writeInt(sum.size);
        for (int i = 0; i < sum.size; i++) {
            target.writeDouble(sum.parts[i]);
        }
    }

    private static ExactSum readSum(DataInputView source) throws IOException {
        int size = source.readInt();
        if (size < 0) {
            return null;
        }
        ExactSum sum = new ExactSum();
        if (sum.parts.length < size) {
            sum.parts = new double[size];
        }
        for (int i = 0; i < size; i++) {
            sum.parts[i] = source.readDouble();
        }
        sum.size = size;
        return sum;
    }

    @Override
    public PartialBar deserialize(PartialBar reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    /**
     * Through the bytes, so that the fields are listed once, in the format: Flink copies a record only
     * where object reuse is off and a chained operator takes it, which the pre-aggregation's output never is.
     */
    @Override
    public PartialBar copy(PartialBar from) {
        try {
            DataOutputSerializer bytes = new DataOutputSerializer(192);
            serialize(from, bytes);
            return deserialize(new DataInputDeserializer(bytes.getSharedBuffer(), 0, bytes.length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public PartialBar copy(PartialBar from, PartialBar reuse) {
        return copy(from);
    }

    @Override
    public PartialBar createInstance() {
        return new PartialBar();
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<PartialBar> duplicate() {
        TypeSerializer<DeadLetter> duplicate = deadLetters.duplicate();
        return duplicate == deadLetters ? this : new PartialBarSerializer((AvroSerializer<DeadLetter>) duplicate);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartialBarSerializer;
    }

    @Override
    public int hashCode() {
        return PartialBarSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<PartialBar> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Version 1: the format above. Parts are not kept in state; the snapshot is what Flink asks of a serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<PartialBar> {
        public Snapshot() {
            super(PartialBarSerializer::new);
        }
    }
}
