package io.daytrade.operators.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import io.daytrade.indicators.IndicatorSet;
import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.indicators.OhlcvSeries;
import io.daytrade.operators.IdleKeyCleanup;
import io.daytrade.operators.deadletters.DeadLetters;
import io.daytrade.operators.statecache.StateCachingKeyedProcessOperator;
import io.daytrade.schemas.Bar;
import io.daytrade.schemas.IndicatorValues;

import java.time.Instant;
import java.util.List;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class BarIndicatorFunctionTest {

    private static final String SPECS = "sma(5),rsi(3),macd(3,6,2),bbands(4,2)";

    @Test
    void emitsOneRowPerBarWithNullsDuringTheLookback() throws Exception {
        OhlcvSeries series = OhlcvSeries.generated(1, 40);
        IndicatorSet reference = new IndicatorSet(IndicatorSpec.parseList(SPECS));
        double[] row = new double[reference.columns().size()];
        try (var harness = harness(SPECS)) {
            for (int i = 0; i < series.size(); i++) {
                harness.processElement(bar("AAA", "1m", series, i), series.time[i]);
            }
            List<IndicatorValues> out = harness.extractOutputValues();
            assertThat(out).hasSize(series.size());
            for (int i = 0; i < series.size(); i++) {
                Bar bar = bar("AAA", "1m", series, i);
                reference.update(bar.getOpen(), bar.getHigh(), bar.getLow(), bar.getClose(), bar.getVolume(),
                        series.time[i]);
                reference.values(row);
                IndicatorValues values = out.get(i);
                assertThat(values.getBarTime()).isEqualTo(Instant.ofEpochMilli(series.time[i]));
                assertThat(values.getClose()).isEqualTo(series.close[i]);
                assertThat(values.getValues().keySet()).containsExactlyInAnyOrderElementsOf(reference.columns());
                for (int c = 0; c < row.length; c++) {
                    Double value = values.getValues().get(reference.columns().get(c));
                    if (Double.isNaN(row[c])) {
                        assertThat(value).as("bar %d %s", i, reference.columns().get(c)).isNull();
                    } else {
                        assertThat(value).as("bar %d %s", i, reference.columns().get(c)).isEqualTo(row[c]);
                    }
                }
            }
            assertThat(out.get(3).getValues().get("sma_5")).isNull();
            assertThat(out.get(4).getValues().get("sma_5")).isNotNull();
        }
    }

    @Test
    void keysAreIndependent() throws Exception {
        OhlcvSeries series = OhlcvSeries.generated(2, 10);
        try (var harness = harness("sma(3)")) {
            for (int i = 0; i < series.size(); i++) {
                harness.processElement(bar("AAA", "1m", series, i), series.time[i]);
                harness.processElement(bar("AAA", "5m", series, i), series.time[i]);
                harness.processElement(bar("BBB", "1m", series, i), series.time[i]);
            }
            List<IndicatorValues> out = harness.extractOutputValues();
            assertThat(out).filteredOn(v -> v.getValues().get("sma_3") != null).hasSize(3 * (series.size() - 2));
        }
    }

    @Test
    void aBarNotAfterThePreviousGoesToDeadLetters() throws Exception {
        OhlcvSeries series = OhlcvSeries.generated(3, 5);
        try (var harness = harness("sma(2)")) {
            harness.processElement(bar("AAA", "1m", series, 1), series.time[1]);
            harness.processElement(bar("AAA", "1m", series, 0), series.time[0]);
            harness.processElement(bar("AAA", "1m", series, 1), series.time[1]);
            assertThat(harness.extractOutputValues()).hasSize(1);
            assertThat(harness.getSideOutput(DeadLetters.TAG)).extracting(StreamRecord::getValue)
                    .extracting(d -> d.getReason())
                    .containsExactly("out_of_order_bar", "out_of_order_bar");
        }
    }

    @Test
    void restoreWithAChangedListKeepsOldStateAndWarmsUpNewIndicators() throws Exception {
        OhlcvSeries series = OhlcvSeries.generated(4, 60);
        OperatorSubtaskState snapshot;
        try (var harness = harness("sma(5),ema(10)")) {
            for (int i = 0; i < 30; i++) {
                harness.processElement(bar("AAA", "1m", series, i), series.time[i]);
            }
            snapshot = harness.snapshot(1, 1);
        }
        List<IndicatorValues> straight;
        try (var harness = harness("sma(5),ema(10)")) {
            for (int i = 0; i < series.size(); i++) {
                harness.processElement(bar("AAA", "1m", series, i), series.time[i]);
            }
            straight = harness.extractOutputValues();
        }
        try (var harness = harness("ema(10),rsi(14)", snapshot)) {
            for (int i = 30; i < series.size(); i++) {
                harness.processElement(bar("AAA", "1m", series, i), series.time[i]);
            }
            List<IndicatorValues> restored = harness.extractOutputValues();
            for (int i = 30; i < series.size(); i++) {
                IndicatorValues values = restored.get(i - 30);
                assertThat(values.getValues()).containsOnlyKeys("ema_10", "rsi_14");
                assertThat(values.getValues().get("ema_10")).isEqualTo(straight.get(i).getValues().get("ema_10"));
                // The new RSI has seen bars from 30 on: its first value comes 14 bars later.
                assertThat(values.getValues().get("rsi_14") == null).isEqualTo(i < 30 + 14);
            }
        }
    }

    @Test
    void aSymbolThatStopsTradingGivesUpItsStateAfterTheIdleTimeout() throws Exception {
        OhlcvSeries series = OhlcvSeries.generated(3, 200);
        long hour = 3_600_000L;
        var function = new BarIndicatorFunction(IndicatorSpec.parseList(SPECS), "test-bars", new IdleKeyCleanup(hour));
        try (var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(function),
                new BarKey(), Types.STRING)) {
            harness.open();
            for (int i = 0; i < 30; i++) {
                harness.processElement(bar("AAA", "1m", series, i), series.time[i]);
                harness.processElement(bar("BBB", "1m", series, i), series.time[i]);
                harness.processElement(bar("CCC", "1m", series, i), series.time[i]);
            }
            int threeSymbols = harness.numKeyedStateEntries();
            assertThat(threeSymbols).isPositive();
            // BBB and CCC stop; AAA trades on for more than two hours of event time.
            long last = series.time[29];
            for (int i = 30; i < 200; i++) {
                long time = last + (i - 29) * 60_000L;
                harness.processElement(bar("AAA", "1m", series, i, time), time);
                harness.processWatermark(time);
            }
            assertThat(harness.numKeyedStateEntries()).isEqualTo(threeSymbols / 3);

            // BBB comes back: it starts cold, its first value of sma(5) again after five bars.
            long back = last + 200 * 60_000L;
            harness.extractOutputValues().clear();
            harness.getOutput().clear();
            for (int i = 0; i < 5; i++) {
                harness.processElement(bar("BBB", "1m", series, 30 + i, back + i * 60_000L), back + i * 60_000L);
            }
            List<IndicatorValues> out = harness.extractOutputValues();
            assertThat(out).hasSize(5);
            assertThat(out.get(3).getValues().get("sma_5")).isNull();
            assertThat(out.get(4).getValues().get("sma_5")).isNotNull();
        }
    }

    /** As the live job runs it: RocksDB behind a state cache of one key, restored from a snapshot now and then. */
    @Test
    void cachedRocksDbStateRestoredFromSnapshotsGivesTheSameValues() throws Exception {
        OhlcvSeries series = OhlcvSeries.generated(5, 120);
        List<String> symbols = List.of("AAA", "BBB", "CCC");
        List<IndicatorValues> straight;
        try (var harness = harness(SPECS)) {
            for (int i = 0; i < series.size(); i++) {
                for (String symbol : symbols) {
                    harness.processElement(bar(symbol, "1m", series, i), series.time[i]);
                }
            }
            straight = harness.extractOutputValues();
        }
        List<IndicatorValues> cached = new java.util.ArrayList<>();
        OperatorSubtaskState snapshot = null;
        for (int from = 0; from < series.size(); from += 25) {
            try (var harness = cachedRocksDbHarness(SPECS, snapshot)) {
                for (int i = from; i < Math.min(from + 25, series.size()); i++) {
                    for (String symbol : symbols) {
                        harness.processElement(bar(symbol, "1m", series, i), series.time[i]);
                    }
                }
                snapshot = harness.snapshot(from, from);
                cached.addAll(harness.extractOutputValues());
            }
        }
        assertThat(cached).isEqualTo(straight);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Bar, IndicatorValues> cachedRocksDbHarness(
            String specs, OperatorSubtaskState restoreFrom) throws Exception {
        var operator = new StateCachingKeyedProcessOperator<>(
                new BarIndicatorFunction(IndicatorSpec.parseList(specs), "test-bars"), 1);
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(operator, new BarKey(), Types.STRING);
        harness.setStateBackend(new EmbeddedRocksDBStateBackend());
        if (restoreFrom != null) {
            harness.initializeState(restoreFrom);
        }
        harness.open();
        assertThat(operator.caching()).isTrue();
        return harness;
    }

    @Test
    void withoutATimeoutStateIsKept() throws Exception {
        OhlcvSeries series = OhlcvSeries.generated(3, 10);
        try (var harness = harness(SPECS)) {
            harness.processElement(bar("AAA", "1m", series, 0), series.time[0]);
            int entries = harness.numKeyedStateEntries();
            harness.processWatermark(series.time[0] + 365L * 86_400_000L);
            assertThat(harness.numKeyedStateEntries()).isEqualTo(entries).isPositive();
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Bar, IndicatorValues> harness(String specs)
            throws Exception {
        return harness(specs, null);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Bar, IndicatorValues> harness(
            String specs, OperatorSubtaskState restoreFrom) throws Exception {
        var function = new BarIndicatorFunction(IndicatorSpec.parseList(specs), "test-bars");
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(function), new BarKey(), Types.STRING);
        if (restoreFrom != null) {
            harness.initializeState(restoreFrom);
        }
        harness.open();
        return harness;
    }

    static Bar bar(String symbol, String interval, OhlcvSeries s, int i) {
        return bar(symbol, interval, s, i, s.time[i]);
    }

    static Bar bar(String symbol, String interval, OhlcvSeries s, int i, long time) {
        return Bar.newBuilder()
                .setSymbol(symbol).setInterval(interval)
                .setWindowStart(Instant.ofEpochMilli(time))
                .setWindowEnd(Instant.ofEpochMilli(time + 60_000))
                .setOpen(s.open[i]).setHigh(s.high[i]).setLow(s.low[i]).setClose(s.close[i])
                .setVolume(s.volume[i]).setTickCount(0).setVwap(s.close[i])
                .build();
    }
}
