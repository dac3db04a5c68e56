package io.daytrade.operators.bars;

import io.daytrade.schemas.Bar;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * {@link Bar}'s type for Flink streams, serialized by {@link BarSerializer}. Type extraction gives an Avro
 * class Flink's Avro type (the generated class cannot carry a factory annotation), so every stream of bars
 * names this type: streams are unioned, and a union needs one type on both sides.
 */
public final class BarTypeInfo extends TypeInformation<Bar> {

    private static final long serialVersionUID = 1L;

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
    public Class<Bar> getTypeClass() {
        return Bar.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<Bar> createSerializer(SerializerConfig config) {
        return BarSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "Bar";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BarTypeInfo;
    }

    @Override
    public int hashCode() {
        return BarTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof BarTypeInfo;
    }
}
