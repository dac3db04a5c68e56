package io.daytrade.operators.bars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daytrade.schemas.Bar;

import java.io.IOException;
import java.time.Instant;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;
import org.junit.jupiter.api.Test;

class BarSerializerTest {

    private final BarSerializer serializer = BarSerializer.INSTANCE;

    @Test
    void everyFieldOfTheSchemaComesBack() throws Exception {
        Bar bar = everyFieldSet();
        Bar back = roundTrip(bar);
        assertThat(back).isEqualTo(bar).isNotSameAs(bar);
        assertThat(back.getLastTickArrival()).isNotNull();
    }

    @Test
    void readsBackWhatAvroWouldHaveMade() throws Exception {
        AvroSerializer<Bar> avro = new AvroSerializer<>(Bar.class);
        for (Bar bar : new Bar[] {everyFieldSet(), withoutArrival()}) {
            DataOutputSerializer out = new DataOutputSerializer(128);
            avro.serialize(bar, out);
            Bar viaAvro = avro.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
            assertThat(roundTrip(bar)).isEqualTo(viaAvro);
        }
    }

    @Test
    void aBarWithoutArrivalTimeStaysWithout() throws Exception {
        Bar bar = withoutArrival();
        assertThat(roundTrip(bar)).isEqualTo(bar);
        assertThat(roundTrip(bar).getLastTickArrival()).isNull();
    }

    @Test
    void copiesAreEqualAndIndependent() {
        Bar bar = everyFieldSet();
        Bar copy = serializer.copy(bar);
        assertThat(copy).isEqualTo(bar).isNotSameAs(bar);
        copy.setClose(-1.0);
        assertThat(bar.getClose()).isNotEqualTo(-1.0);
        assertThat(serializer.copy(bar, new Bar())).isEqualTo(bar);
    }

    @Test
    void copiesBetweenViewsAndRejectsWhatIsNoBar() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(128);
        serializer.serialize(everyFieldSet(), out);
        DataOutputSerializer copied = new DataOutputSerializer(128);
        serializer.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
        assertThat(copied.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());

        byte[] bytes = out.getCopyOfBuffer();
        bytes[bytes.length - 9] = 7; // the arrival flag, before the arrival's eight bytes
        assertThatThrownBy(() -> serializer.deserialize(new DataInputDeserializer(bytes)))
                .isInstanceOf(IOException.class).hasMessageContaining("arrival flag 7");
    }

    @Test
    void isWhatTheTypeCreatesAndRestoresFromItsSnapshot() throws Exception {
        assertThat(new BarTypeInfo().createSerializer(new SerializerConfigImpl())).isSameAs(serializer);
        assertThat(new BarTypeInfo()).isEqualTo(new BarTypeInfo()).hasSameHashCodeAs(new BarTypeInfo());
        assertThat(new BarTypeInfo().getTypeClass()).isEqualTo(Bar.class);

        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
        TypeSerializerSnapshot<Bar> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
        TypeSerializer<Bar> restored = read.restoreSerializer();
        assertThat(restored).isEqualTo(serializer);
        TypeSerializerSchemaCompatibility<Bar> compatibility =
                serializer.snapshotConfiguration().resolveSchemaCompatibility(read);
        assertThat(compatibility.isCompatibleAsIs()).isTrue();
    }

    private Bar roundTrip(Bar bar) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128);
        serializer.serialize(bar, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        Bar back = serializer.deserialize(in);
        assertThat(in.available()).isZero();
        return back;
    }

    /**
     * A distinct value in every field the schema has, found from the schema itself: a field added to
     * {@code Bar.avsc} and not written by the serializer comes back empty and fails the round trips.
     */
    static Bar everyFieldSet() {
        Bar bar = new Bar();
        int i = 0;
        for (Schema.Field field : Bar.getClassSchema().getFields()) {
            i++;
            bar.put(field.pos(), valueOf(field.schema(), i));
        }
        return bar;
    }

    private static Bar withoutArrival() {
        Bar bar = everyFieldSet();
        bar.setLastTickArrival(null);
        return bar;
    }

    private static Object valueOf(Schema schema, int i) {
        if (schema.getType() == Schema.Type.UNION) {
            Schema value = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst()
                    .orElseThrow();
            return valueOf(value, i);
        }
        if (schema.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
            return Instant.ofEpochMilli(1_700_000_000_000L + i * 60_000L + i);
        }
        return switch (schema.getType()) {
            case STRING -> "field-" + i + "-\u00e9";
            case LONG -> 1_000_000_000_000L + i;
            case DOUBLE -> i + 0.1;
            default -> throw new IllegalStateException("the test cannot fill a field of type " + schema);
        };
    }
}
