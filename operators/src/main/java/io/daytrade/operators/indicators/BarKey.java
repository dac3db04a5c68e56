package io.daytrade.operators.indicators;

import io.daytrade.schemas.Bar;

import org.apache.flink.api.java.functions.KeySelector;

/** Indicators run per symbol and interval: a 1m RSI never sees a 5m bar. */
public final class BarKey implements KeySelector<Bar, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(Bar bar) {
        return bar.getSymbol() + "|" + bar.getInterval();
    }
}
