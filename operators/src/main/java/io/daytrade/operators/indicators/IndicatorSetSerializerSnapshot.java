package io.daytrade.operators.indicators;

import io.daytrade.indicators.IndicatorSet;

import java.io.IOException;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * What a checkpoint records about {@link IndicatorSetSerializer}: the indicator list it wrote with.
 * Version 1. Records describe themselves, so any later list can read them as they are.
 */
public final class IndicatorSetSerializerSnapshot implements TypeSerializerSnapshot<IndicatorSet> {

    private static final int VERSION = 1;

    private String specList;

    /** For Flink, which instantiates snapshots reflectively before {@link #readSnapshot}. */
    public IndicatorSetSerializerSnapshot() {}

    IndicatorSetSerializerSnapshot(String specList) {
        this.specList = specList;
    }

    @Override
    public int getCurrentVersion() {
        return VERSION;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
        out.writeUTF(specList);
    }

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader) throws IOException {
        if (readVersion != VERSION) {
            throw new IOException("unknown IndicatorSetSerializerSnapshot version " + readVersion);
        }
        specList = in.readUTF();
    }

    @Override
    public TypeSerializer<IndicatorSet> restoreSerializer() {
        return new IndicatorSetSerializer(specList);
    }

    @Override
    public TypeSerializerSchemaCompatibility<IndicatorSet> resolveSchemaCompatibility(
            TypeSerializerSnapshot<IndicatorSet> oldSerializerSnapshot) {
        if (oldSerializerSnapshot instanceof IndicatorSetSerializerSnapshot) {
            return TypeSerializerSchemaCompatibility.compatibleAsIs();
        }
        return TypeSerializerSchemaCompatibility.incompatible();
    }
}
