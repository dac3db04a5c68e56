package io.daytrade.operators.indicators;

import io.daytrade.indicators.IndicatorSet;
import io.daytrade.indicators.IndicatorSpec;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Keyed state of {@link BarIndicatorFunction}: all of one key's indicators in one value, as compact
 * bytes (no Kryo). Each indicator's state is written under its spec ({@code sma(20)}), so a record
 * describes itself: when the configured list changes across a restore, indicators still configured
 * keep their state, removed ones are skipped, and new ones start their warm-up.
 */
public final class IndicatorSetSerializer extends TypeSerializer<IndicatorSet> {

    private static final long serialVersionUID = 1L;

    private final String specList;
    private transient List<IndicatorSpec> specs;

    public IndicatorSetSerializer(List<IndicatorSpec> specs) {
        this(join(specs));
    }

    IndicatorSetSerializer(String specList) {
        this.specList = specList;
    }

    public static String join(List<IndicatorSpec> specs) {
        return String.join(",", specs.stream().map(IndicatorSpec::toString).toList());
    }

    String specList() {
        return specList;
    }

    private List<IndicatorSpec> specs() {
        if (specs == null) {
            specs = IndicatorSpec.parseList(specList);
        }
        return specs;
    }

    /** The same indicators' state moved into a set built for {@code target}; see the class comment. */
    public static IndicatorSet adapt(IndicatorSet from, List<IndicatorSpec> target) throws IOException {
        DataOutputSerializer bytes = new DataOutputSerializer(256);
        write(from, bytes);
        return read(target, new DataInputDeserializer(bytes.getSharedBuffer(), 0, bytes.length()));
    }

    private static void write(IndicatorSet set, DataOutputView target) throws IOException {
        List<IndicatorSpec> specs = set.specs();
        target.writeInt(specs.size());
        DataOutputSerializer one = new DataOutputSerializer(128);
        for (int i = 0; i < specs.size(); i++) {
            one.clear();
            set.writeState(i, one);
            target.writeUTF(specs.get(i).toString());
            target.writeInt(one.length());
            target.write(one.getSharedBuffer(), 0, one.length());
        }
    }

    private static IndicatorSet read(List<IndicatorSpec> specs, DataInputView source) throws IOException {
        int entries = source.readInt();
        Map<String, byte[]> states = new HashMap<>();
        for (int i = 0; i < entries; i++) {
            String spec = source.readUTF();
            byte[] state = new byte[source.readInt()];
            source.readFully(state);
            states.put(spec, state);
        }
        IndicatorSet set = new IndicatorSet(specs);
        for (int i = 0; i < specs.size(); i++) {
            byte[] state = states.get(specs.get(i).toString());
            if (state != null) {
                set.readState(i, new DataInputDeserializer(state));
            }
        }
        return set;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<IndicatorSet> duplicate() {
        return new IndicatorSetSerializer(specList);
    }

    @Override
    public IndicatorSet createInstance() {
        return new IndicatorSet(specs());
    }

    @Override
    public IndicatorSet copy(IndicatorSet from) {
        try {
            return adapt(from, from.specs());
        } catch (IOException e) {
            throw new IllegalStateException("cannot copy indicator state", e);
        }
    }

    @Override
    public IndicatorSet copy(IndicatorSet from, IndicatorSet reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(IndicatorSet record, DataOutputView target) throws IOException {
        write(record, target);
    }

    @Override
    public IndicatorSet deserialize(DataInputView source) throws IOException {
        return read(specs(), source);
    }

    @Override
    public IndicatorSet deserialize(IndicatorSet reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<IndicatorSet> snapshotConfiguration() {
        return new IndicatorSetSerializerSnapshot(specList);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IndicatorSetSerializer serializer && serializer.specList.equals(specList);
    }

    @Override
    public int hashCode() {
        return Objects.hash(specList);
    }
}
