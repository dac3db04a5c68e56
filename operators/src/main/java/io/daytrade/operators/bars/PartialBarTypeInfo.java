package io.daytrade.operators.bars;

import java.lang.reflect.Type;
import java.util.Map;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** {@link PartialBar}'s type for Flink: serialized by {@link PartialBarSerializer}, never as a POJO. */
public final class PartialBarTypeInfo extends TypeInformation<PartialBar> {

    private static final long serialVersionUID = 1L;

    /** Makes {@code TypeInformation.of(PartialBar.class)} and type extraction give this type. */
    public static final class Factory extends TypeInfoFactory<PartialBar> {
        @Override
        public TypeInformation<PartialBar> createTypeInfo(Type type, Map<String, TypeInformation<?>> parameters) {
            return new PartialBarTypeInfo();
        }
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<PartialBar> getTypeClass() {
        return PartialBar.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<PartialBar> createSerializer(SerializerConfig config) {
        return new PartialBarSerializer();
    }

    @Override
    public String toString() {
        return "PartialBar";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartialBarTypeInfo;
    }

    @Override
    public int hashCode() {
        return PartialBarTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof PartialBarTypeInfo;
    }
}
