package io.daytrade.operators.backtest;

import io.daytrade.schemas.Bar;
import io.daytrade.schemas.IndicatorValues;
import io.daytrade.schemas.Signal;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

/**
 * A bar, a signal or a bar's indicator values of one symbol, on their way to the simulator together.
 * A Flink POJO with exactly one field set.
 */
public class BacktestEvent {

    public Bar bar;
    public Signal signal;
    public IndicatorValues values;

    public BacktestEvent() {}

    public static BacktestEvent of(Bar bar) {
        BacktestEvent event = new BacktestEvent();
        event.bar = bar;
        return event;
    }

    public static BacktestEvent of(Signal signal) {
        BacktestEvent event = new BacktestEvent();
        event.signal = signal;
        return event;
    }

    public static BacktestEvent of(IndicatorValues values) {
        BacktestEvent event = new BacktestEvent();
        event.values = values;
        return event;
    }

    public String symbol() {
        return bar != null ? bar.getSymbol() : signal != null ? signal.getSymbol() : values.getSymbol();
    }

    public long time() {
        return bar != null ? bar.getWindowStart().toEpochMilli()
                : signal != null ? signal.getBarTime().toEpochMilli() : values.getBarTime().toEpochMilli();
    }

    /** Explicit type information: the Avro fields get Avro serializers, nothing falls back to Kryo. */
    public static TypeInformation<BacktestEvent> type() {
        return Types.POJO(BacktestEvent.class,
                Map.of("bar", new AvroTypeInfo<>(Bar.class), "signal", new AvroTypeInfo<>(Signal.class),
                        "values", new AvroTypeInfo<>(IndicatorValues.class)));
    }
}
