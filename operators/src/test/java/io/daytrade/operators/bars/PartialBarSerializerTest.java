package io.daytrade.operators.bars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daytrade.operators.deadletters.DeadLetters;
import io.daytrade.schemas.DeadLetter;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class PartialBarSerializerTest {

    private final PartialBarSerializer serializer = new PartialBarSerializer();

    /** Exact sums are equal when they hold the same partials; the arrays' unused tails do not travel. */
    private static final Comparator<ExactSum> SAME_PARTIALS = Comparator.comparing(
            (ExactSum sum) -> Arrays.toString(Arrays.copyOf(sum.parts, sum.size)));

    @Test
    void everyFieldOfAPartComesBack() throws Exception {
        PartialBar part = PartialBar.of("ACME", 3, everyFieldSet());
        PartialBar back = roundTrip(part);
        assertThat(back).usingRecursiveComparison().withComparatorForType(SAME_PARTIALS, ExactSum.class).isEqualTo(part);
        assertThat(back.bar.notional.value()).isEqualTo(part.bar.notional.value());
        assertThat(serializer.copy(part)).usingRecursiveComparison()
                .withComparatorForType(SAME_PARTIALS, ExactSum.class).isEqualTo(part);
    }

    @Test
    void aLateTickAndAnEmptyPartComeBack() throws Exception {
        DeadLetter late = DeadLetters.of("ticks", 7L, new byte[] {1, 2, 3}, DeadLetters.LATE, "behind the watermark");
        PartialBar part = PartialBar.lateTick("ACME", late);
        assertThat(roundTrip(part)).usingRecursiveComparison().isEqualTo(part);
        assertThat(serializer.copy(part).late).isEqualTo(late).isNotSameAs(late);
        PartialBar empty = new PartialBar();
        assertThat(roundTrip(empty)).usingRecursiveComparison().isEqualTo(empty);
    }

    @Test
    void copiesBetweenViewsAndRejectsWhatIsNoPart() throws Exception {
        PartialBar part = PartialBar.of("ACME", 0, everyFieldSet());
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(part, out);
        DataOutputSerializer copied = new DataOutputSerializer(64);
        serializer.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
        assertThat(copied.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());

        DataOutputSerializer bad = new DataOutputSerializer(16);
        StringSerializer.INSTANCE.serialize("X", bad);
        bad.writeInt(0);
        bad.writeByte(9);
        assertThatThrownBy(() -> serializer.deserialize(new DataInputDeserializer(bad.getCopyOfBuffer())))
                .isInstanceOf(IOException.class).hasMessageContaining("kind 9");
    }

    @Test
    void isTheTypeFlinkExtractsAndRestoresFromItsSnapshot() throws Exception {
        TypeInformation<PartialBar> type = TypeInformation.of(PartialBar.class);
        assertThat(type).isInstanceOf(PartialBarTypeInfo.class);
        TypeSerializer<PartialBar> created = type.createSerializer(new SerializerConfigImpl());
        assertThat(created).isEqualTo(serializer);

        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
        TypeSerializerSnapshot<PartialBar> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
        assertThat(read.restoreSerializer()).isEqualTo(serializer);
        assertThat(read.resolveSchemaCompatibility(serializer.snapshotConfiguration()).isCompatibleAsIs()).isTrue();
        assertThat(serializer.duplicate()).isEqualTo(serializer);
    }

    /**
     * An accumulator whose every field differs from a fresh one's, set by reflection so that a field added
     * to the class later is set too (or, of a type this does not know, fails the test until it is written).
     */
    private static BarAccumulator everyFieldSet() throws IllegalAccessException {
        BarAccumulator bar = new BarAccumulator();
        BarAccumulator fresh = new BarAccumulator();
        long next = 1_000;
        for (Field field : BarAccumulator.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            next += 17;
            if (field.getType() == long.class) {
                field.setLong(bar, next);
            } else if (field.getType() == double.class) {
                field.setDouble(bar, next + 0.25);
            } else if (field.getType() == ExactSum.class) {
                ExactSum sum = new ExactSum();
                sum.add(1e16);
                sum.add(next + 0.1);
                sum.add(-3e-5);
                field.set(bar, sum);
            } else {
                throw new AssertionError("a field this test and PartialBarSerializer do not know: " + field);
            }
            assertThat(field.get(bar)).as(field.getName()).isNotEqualTo(field.get(fresh));
        }
        return bar;
    }

    private PartialBar roundTrip(PartialBar part) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(part, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        PartialBar back = serializer.deserialize(in);
        assertThat(in.available()).as("bytes left unread").isZero();
        return back;
    }
}
