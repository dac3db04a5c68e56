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
    private transient String[] names;
    private transient Scratch scratch;

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
        write(set, names(set.specs()), target);
    }

    private static void write(IndicatorSet set, String[] names, DataOutputView target) throws IOException {
        target.writeInt(names.length);
        DataOutputSerializer one = new DataOutputSerializer(128);
        for (int i = 0; i < names.length; i++) {
            one.clear();
            set.writeState(i, one);
            target.writeUTF(names[i]);
            target.writeInt(one.length());
            target.write(one.getSharedBuffer(), 0, one.length());
        }
    }

    private static String[] names(List<IndicatorSpec> specs) {
        return specs.stream().map(IndicatorSpec::toString).toArray(String[]::new);
    }

    private static IndicatorSet read(List<IndicatorSpec> specs, DataInputView source) throws IOException {
        return read(specs, names(specs), source, new Scratch());
    }

    /**
     * One pass: an entry in its configured place (the usual case: the list did not change) is read into the
     * set at once; others are matched by name once all are read. Each indicator reads from its own bounded
     * view of the bytes, so none can read into its neighbour's.
     */
    private static IndicatorSet read(List<IndicatorSpec> specs, String[] names, DataInputView source, Scratch scratch)
            throws IOException {
        int entries = source.readInt();
        IndicatorSet set = new IndicatorSet(specs);
        boolean[] restored = new boolean[names.length];
        Map<String, byte[]> elsewhere = null;
        for (int i = 0; i < entries; i++) {
            String spec = source.readUTF();
            int length = source.readInt();
            if (i < names.length && names[i].equals(spec)) {
                set.readState(i, scratch.read(source, length));
                restored[i] = true;
            } else {
                byte[] state = new byte[length];
                source.readFully(state);
                if (elsewhere == null) {
                    elsewhere = new HashMap<>();
                }
                elsewhere.put(spec, state);
            }
        }
        if (elsewhere != null) {
            for (int i = 0; i < names.length; i++) {
                byte[] state = elsewhere.get(names[i]);
                if (!restored[i] && state != null) {
                    set.readState(i, new DataInputDeserializer(state));
                }
            }
        }
        return set;
    }

    /** A buffer reused across reads of one serializer instance (serializers are not shared between threads). */
    private static final class Scratch {
        private byte[] buffer = new byte[256];
        private final DataInputDeserializer view = new DataInputDeserializer();

        DataInputDeserializer read(DataInputView source, int length) throws IOException {
            if (buffer.length < length) {
                buffer = new byte[Math.max(length, buffer.length * 2)];
            }
            source.readFully(buffer, 0, length);
            view.setBuffer(buffer, 0, length);
            return view;
        }
    }

    private String[] names() {
        if (names == null) {
            names = names(specs());
        }
        return names;
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
        if (record.specs() == specs() || record.specs().equals(specs())) {
            write(record, names(), target);
        } else {
            write(record, target);
        }
    }

    @Override
    public IndicatorSet deserialize(DataInputView source) throws IOException {
        if (scratch == null) {
            scratch = new Scratch();
        }
        return read(specs(), names(), source, scratch);
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
