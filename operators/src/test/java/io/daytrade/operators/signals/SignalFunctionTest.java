package io.daytrade.operators.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.daytrade.schemas.IndicatorValues;
import io.daytrade.schemas.Side;
import io.daytrade.schemas.Signal;
import io.daytrade.signals.RuleDefinition;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class SignalFunctionTest {

    private static final List<RuleDefinition> RULES = List.of(
            new RuleDefinition("cross", "crosses_above(sma_2, sma_4)", Side.BUY),
            new RuleDefinition("oversold", "rsi_3 < 30", Side.BUY),
            new RuleDefinition("exit", "crosses_below(sma_2, sma_4)", Side.FLAT));
    private static final List<String> COLUMNS = List.of("sma_2", "sma_4", "rsi_3");

    @Test
    void emitsASignalPerRuleThatBecameTruePerKey() throws Exception {
        try (var harness = harness(null)) {
            send(harness, "AAA", 0, 10, null, null, 50.0);
            send(harness, "AAA", 1, 10, 9.0, 10.0, 25.0);   // oversold becomes true
            send(harness, "BBB", 1, 10, 11.0, 10.0, 40.0);  // other key: its own memory
            send(harness, "AAA", 2, 10, 11.0, 10.0, 20.0);  // cross; oversold stays true: no repeat
            send(harness, "AAA", 3, 10, 9.0, 10.0, 35.0);   // exit
            List<Signal> signals = harness.extractOutputValues();
            assertThat(signals).extracting(s -> s.getSymbol() + "@" + s.getBarTime().toEpochMilli() + ":" + s.getStrategyId())
                    .containsExactly("AAA@1:oversold", "AAA@2:cross", "AAA@3:exit");
            Signal cross = signals.get(1);
            assertThat(cross.getSide()).isEqualTo(Side.BUY);
            assertThat(cross.getReason()).isEqualTo("crosses_above(sma_2, sma_4)");
            assertThat(cross.getIndicators()).containsEntry("sma_2", 11.0).containsEntry("sma_4", 10.0);
        }
    }

    @Test
    void ruleMemorySurvivesASnapshotAndRestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = harness(null)) {
            send(harness, "AAA", 0, 10, 9.0, 10.0, 50.0);
            snapshot = harness.snapshot(1, 1);
        }
        try (var harness = harness(snapshot)) {
            send(harness, "AAA", 1, 10, 11.0, 10.0, 50.0); // the crossing needs bar 0 from the snapshot
            assertThat(harness.extractOutputValues()).extracting(Signal::getStrategyId).containsExactly("cross");
        }
    }

    private static void send(KeyedOneInputStreamOperatorTestHarness<String, IndicatorValues, Signal> harness,
            String symbol, long time, double close, Double sma2, Double sma4, Double rsi) throws Exception {
        Map<String, Double> values = new HashMap<>();
        values.put("sma_2", sma2);
        values.put("sma_4", sma4);
        values.put("rsi_3", rsi);
        harness.processElement(IndicatorValues.newBuilder().setSymbol(symbol).setInterval("1m")
                .setBarTime(Instant.ofEpochMilli(time)).setClose(close).setValues(values).build(), time);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, IndicatorValues, Signal> harness(
            OperatorSubtaskState restore) throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new SignalFunction(RULES, COLUMNS)), new IndicatorKey(), Types.STRING);
        if (restore != null) {
            harness.initializeState(restore);
        }
        harness.open();
        return harness;
    }
}
