package io.daytrade.operators.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.daytrade.backtest.BarHistory;

/** Two histories with the same bars, decisions and indicator columns, array for array. */
final class SameHistory {

    private SameHistory() {}

    static void assertSameHistory(BarHistory actual, BarHistory expected) {
        assertThat(actual.symbol).isEqualTo(expected.symbol);
        assertThat(actual.times).isEqualTo(expected.times);
        assertThat(actual.open).isEqualTo(expected.open);
        assertThat(actual.high).isEqualTo(expected.high);
        assertThat(actual.low).isEqualTo(expected.low);
        assertThat(actual.close).isEqualTo(expected.close);
        assertThat(actual.volume).isEqualTo(expected.volume);
        assertThat(actual.decides).isEqualTo(expected.decides);
        assertThat(actual.columns).isEqualTo(expected.columns);
        assertThat(actual.values).isEqualTo(expected.values);
    }
}
