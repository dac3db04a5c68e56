package io.daytrade.operators.sweep;

import io.daytrade.backtest.HistoryBacktest;
import io.daytrade.backtest.Strategy;
import io.daytrade.indicators.IndicatorSet;
import io.daytrade.indicators.IndicatorSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Parameter sets of a strategy compiled once per subtask: the indicators any of them reads (each once)
 * and every set's backtest against those indicators' columns. Building a strategy and compiling its
 * rules from text cost as much as a tenth of a backtest when it was done per task.
 */
final class CompiledParameterSets {

    final List<IndicatorSpec> indicators;
    final HistoryBacktest[] backtests;

    /**
     * @param setOf the index, in {@code parameterSets}, of the i-th set to compile
     * @param count how many sets to compile
     */
    CompiledParameterSets(String strategy, List<String> names, double[][] parameterSets, IntUnaryOperator setOf,
            int count) {
        Strategy[] strategies = new Strategy[count];
        Map<String, IndicatorSpec> byName = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            strategies[i] = Strategy.withParameters(strategy, names, parameterSets[setOf.applyAsInt(i)]);
            strategies[i].indicators().forEach(spec -> byName.putIfAbsent(spec.name(), spec));
        }
        indicators = List.copyOf(byName.values());
        List<String> columns = new IndicatorSet(indicators).columns();
        backtests = new HistoryBacktest[count];
        for (int i = 0; i < count; i++) {
            backtests[i] = new HistoryBacktest(strategies[i], columns);
        }
    }
}
