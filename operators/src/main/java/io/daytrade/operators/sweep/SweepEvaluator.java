package io.daytrade.operators.sweep;

import io.daytrade.backtest.BacktestBuffers;
import io.daytrade.backtest.ExecutionSettings;
import io.daytrade.backtest.HistoryBacktest;
import io.daytrade.backtest.PerformanceMetrics;
import io.daytrade.backtest.PositionSimulator;
import io.daytrade.backtest.Strategy;

import java.util.Arrays;
import java.util.List;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * Backtests each parameter set of a task over its symbol's history: the strategy's rules read the
 * history's precomputed columns, and the simulator and metrics are those of {@code backtest}.
 */
public class SweepEvaluator extends RichFlatMapFunction<SweepTask, SweepResult> {

    private static final long serialVersionUID = 1L;

    private final String strategy;
    private final List<String> names;
    private final double[][] parameterSets;
    private final ExecutionSettings settings;

    /**
     * The backtest of each parameter set, compiled once per subtask: every symbol's tasks backtest the same
     * sets, and building a strategy and compiling its rules from text cost as much as a tenth of a backtest.
     */
    private transient HistoryBacktest[] compiled;
    /** The history columns the compiled backtests read; histories of one sweep all have the same. */
    private transient List<String> compiledFor;
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
        done = getRuntimeContext().getLongCounter(SweepProgress.DONE);
        evaluations = getRuntimeContext().getMetricGroup().counter("evaluations");
        barEvaluations = getRuntimeContext().getMetricGroup().counter("barEvaluations");
    }

    @Override
    public void flatMap(SweepTask task, Collector<SweepResult> out) {
        List<String> columns = Arrays.asList(task.history.columns);
        PositionSimulator finished = null;
        BacktestBuffers buffers = new BacktestBuffers();
        for (int p = task.first; p < task.first + task.count; p++) {
            PositionSimulator account = backtest(p, columns).run(task.history, settings, finished, buffers);
            PerformanceMetrics metrics = PerformanceMetrics.of(account, buffers);
            finished = account; // its curve is read; the next account marks into the same buffers
            SweepResult result = new SweepResult();
            result.symbol = task.history.symbol;
            result.parameterSet = p;
            result.bars = task.history.bars();
            result.metrics = metrics.values();
            out.collect(result);
            done.add(1);
            evaluations.inc();
            barEvaluations.inc(task.history.bars());
        }
    }

    private HistoryBacktest backtest(int parameterSet, List<String> columns) {
        if (compiled == null || !columns.equals(compiledFor)) {
            compiled = new HistoryBacktest[parameterSets.length];
            compiledFor = columns;
        }
        HistoryBacktest backtest = compiled[parameterSet];
        if (backtest == null) {
            backtest = new HistoryBacktest(Strategy.withParameters(strategy, names, parameterSets[parameterSet]), columns);
            compiled[parameterSet] = backtest;
        }
        return backtest;
    }
}
