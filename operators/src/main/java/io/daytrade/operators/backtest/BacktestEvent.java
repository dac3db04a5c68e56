package io.daytrade.operators.backtest;

import io.daytrade.operators.bars.BarTypeInfo;
import io.daytrade.schemas.Bar;
import io.daytrade.schemas.Signal;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

/** A bar or a signal of one symbol, on their way to the simulator together. A Flink POJO. */
public class BacktestEvent {

    public Bar bar;
    public Signal signal;

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

    public String symbol() {
        return bar != null ? bar.getSymbol() : signal.getSymbol();
    }

    public long time() {
        return bar != null ? bar.getWindowStart().toEpochMilli() : signal.getBarTime().toEpochMilli();
    }

    /** Explicit type information: the Avro fields get Avro serializers, nothing falls back to Kryo. */
    public static TypeInformation<BacktestEvent> type() {
        return Types.POJO(BacktestEvent.class,
                Map.of("bar", new BarTypeInfo(), "signal", new AvroTypeInfo<>(Signal.class)));
    }
}
