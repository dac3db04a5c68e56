package io.daytrade.operators.sweep;

import io.daytrade.backtest.BacktestBuffers;
import io.daytrade.backtest.BarHistory;
import io.daytrade.backtest.ExecutionSettings;
import io.daytrade.backtest.PerformanceMetrics;
import io.daytrade.backtest.PositionSimulator;
import io.daytrade.operators.dealing.DealtWork;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.AbstractRichFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * Backtests each parameter set of a task over its symbol's history: the task's bars come without
 * indicator columns, and the columns its parameter sets read are computed here, each once per task
 * however many sets read it; the simulator and metrics are those of {@code backtest}.
 *
 * <p>Each symbol's parameter sets are split into {@code chunks} tasks, so that few symbols and many sets
 * still spread over every subtask, and the tasks are dealt to whichever subtask is free
 * ({@link io.daytrade.operators.dealing.DealtTasksOperator}). Task c takes every chunks-th set from c on:
 * neighbouring sets of a grid cost alike (a short average crosses more often, so it trades more), and
 * consecutive ranges made tasks of one symbol differ by a third.
 */
public class SweepEvaluator extends AbstractRichFunction implements DealtWork<BarHistory, SweepTask, SweepResult> {

    private static final long serialVersionUID = 1L;

    private final String strategy;
    private final List<String> names;
    private final double[][] parameterSets;
    private final ExecutionSettings settings;
    private final int chunks;

    /** Per task's parameter sets (first, count, stride: every symbol's tasks have the same), compiled once. */
    private transient Map<List<Integer>, CompiledParameterSets> compiled;
    /** The previous task's indicator columns, written over by the next. */
    private transient double[] columns;
    private transient LongCounter done;
    private transient Counter evaluations;
    private transient Counter barEvaluations;

    /**
     * @param strategy a built-in, possibly with some parameters set
     * @param names the swept parameters
     * @param parameterSets valid combinations of their values
     * @param chunks how many tasks each symbol's parameter sets are split into
     */
    public SweepEvaluator(String strategy, List<String> names, double[][] parameterSets, ExecutionSettings settings,
            int chunks) {
        this.strategy = strategy;
        this.names = List.copyOf(names);
        this.parameterSets = parameterSets;
        this.settings = settings;
        this.chunks = Math.max(1, Math.min(chunks, parameterSets.length));
    }

    @Override
    public void open(OpenContext openContext) {
        compiled = new HashMap<>();
        done = getRuntimeContext().getLongCounter(SweepProgress.DONE);
        evaluations = getRuntimeContext().getMetricGroup().counter("evaluations");
        barEvaluations = getRuntimeContext().getMetricGroup().counter("barEvaluations");
    }

    @Override
    public List<SweepTask> split(BarHistory received) {
        BarHistory history = SharedHistories.share(received);
        List<SweepTask> tasks = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int count = (parameterSets.length - c + chunks - 1) / chunks;
            if (count > 0) {
                tasks.add(new SweepTask(history, c, count, chunks));
            }
        }
        return tasks;
    }

    @Override
    public Comparator<SweepTask> dealingOrder() {
        return DEALING_ORDER;
    }

    @Override
    public void planned(List<SweepTask> tasks) {
        long sets = 0;
        for (SweepTask task : tasks) {
            sets += task.count;
        }
        SweepProgress.planned(getRuntimeContext(), sets);
    }

    @Override
    public void run(SweepTask task, Collector<SweepResult> out) {
        CompiledParameterSets chunk = compiled.computeIfAbsent(List.of(task.first, task.count, task.stride),
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

    /** Longest histories and largest tasks first, then by symbol and first set: a total order. */
    private static final Comparator<SweepTask> DEALING_ORDER = Comparator
            .comparingLong((SweepTask task) -> -(long) task.history.bars() * task.count)
            .thenComparing(task -> task.history.symbol)
            .thenComparingInt(task -> task.first);
}
