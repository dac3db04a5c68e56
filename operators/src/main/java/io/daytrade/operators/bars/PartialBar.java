package io.daytrade.operators.bars;

import io.daytrade.schemas.DeadLetter;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * What the pre-aggregation sends over the shuffle to the symbol's bar stage: part of one bar (the ticks
 * one subtask saw of it), or a tick that was already behind that subtask's watermark, as the dead letter
 * the bar stage passes on. Serialized by {@link PartialBarSerializer}.
 */
@TypeInfo(PartialBarTypeInfo.Factory.class)
public class PartialBar {

    public String symbol;
    /** Index of the bar's interval in the stage's interval list. */
    public int interval;
    /** Null when this carries a late tick. */
    public BarAccumulator bar;
    /** Non-null only for a late tick. */
    public DeadLetter late;

    public PartialBar() {}

    public static PartialBar of(String symbol, int interval, BarAccumulator bar) {
        PartialBar part = new PartialBar();
        part.symbol = symbol;
        part.interval = interval;
        part.bar = bar;
        return part;
    }

    public static PartialBar lateTick(String symbol, DeadLetter deadLetter) {
        PartialBar part = new PartialBar();
        part.symbol = symbol;
        part.late = deadLetter;
        return part;
    }
}
