package io.daytrade.operators.sweep;

import io.daytrade.backtest.BacktestBuffers;
import io.daytrade.backtest.BarHistory;
import io.daytrade.backtest.ExecutionSettings;
import io.daytrade.backtest.PerformanceMetrics;
import io.daytrade.backtest.PositionSimulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * Backtests each parameter set of a task over its symbol's history: the task's bars come without
 * indicator columns, and the columns its parameter sets read are computed here, each once per task
 * however many sets read it; the simulator and metrics are those of {@code backtest}.
 */
public class SweepEvaluator extends RichFlatMapFunction<SweepTask, SweepResult> {

    private static final long serialVersionUID = 1L;

    private final String strategy;
    private final List<String> names;
    private final double[][] parameterSets;
    private final ExecutionSettings settings;

    /** Per task's parameter sets (first, count, stride: every symbol's tasks have the same), compiled once. */
    private transient Map<List<Integer>, CompiledParameterSets> chunks;
    /** The previous task's indicator columns, written over by the next. */
    private transient double[] columns;
    private transient LongCounter done;
    private transient Counter evaluations;
    private transient Counter barEvaluations;

    /**
     * @param strategy a built-in, possibly with some parameters set
     * @param names the swept parameters
     * @param parameterSets valid combinations of their values
     */
    public SweepEvaluator(String strategy, List<String> names, double[][] parameterSets, ExecutionSettings settings) {
        this.strategy = strategy;
        this.names = List.copyOf(names);
        this.parameterSets = parameterSets;
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        chunks = new HashMap<>();
        done = getRuntimeContext().getLongCounter(SweepProgress.DONE);
        evaluations = getRuntimeContext().getMetricGroup().counter("evaluations");
        barEvaluations = getRuntimeContext().getMetricGroup().counter("barEvaluations");
    }

    @Override
    public void flatMap(SweepTask task, Collector<SweepResult> out) {
        CompiledParameterSets chunk = chunks.computeIfAbsent(List.of(task.first, task.count, task.stride),
                key -> new CompiledParameterSets(strategy, names, parameterSets, task::parameterSet, task.count));
        BarHistory history = task.history.withIndicators(chunk.indicators, columns);
        columns = history.values;
        BacktestBuffers buffers = new BacktestBuffers();
        for (int i = 0; i < task.count; i++) {
            int p = task.parameterSet(i);
            PositionSimulator account = chunk.backtests[i].runForMetrics(history, settings, buffers);
            PerformanceMetrics metrics = PerformanceMetrics.of(account);
            SweepResult result = new SweepResult();
            result.symbol = history.symbol;
            result.parameterSet = p;
            result.bars = history.bars();
            result.metrics = metrics.values();
            out.collect(result);
            done.add(1);
            evaluations.inc();
            barEvaluations.inc(history.bars());
        }
    }
}
