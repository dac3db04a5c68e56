package io.daytrade.operators.signals;

import io.daytrade.schemas.IndicatorValues;

import org.apache.flink.api.java.functions.KeySelector;

/** Signals are evaluated per symbol and interval, like the indicators they read. */
public final class IndicatorKey implements KeySelector<IndicatorValues, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(IndicatorValues values) {
        return values.getSymbol() + "|" + values.getInterval();
    }
}
