package io.daytrade.operators.sweep;

import io.daytrade.backtest.BarHistory;
import io.daytrade.backtest.Span;
import io.daytrade.backtest.WalkForwardWindow;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * Cuts each symbol's history into walk-forward windows, one task each, so windows run in parallel. The
 * tasks are numbered in the order they leave, from this subtask's index on: taken modulo the parallelism,
 * the numbers deal every symbol's windows to the evaluators in turn, where a window's index would give
 * one subtask two windows of each symbol and the others one when there are five windows at p=4.
 */
public class WalkForwardFanOut extends RichFlatMapFunction<BarHistory, WalkForwardTask> {

    private static final long serialVersionUID = 1L;

    private final Span train;
    private final Span test;
    private final Span step;
    private final int parameterSets;
    private transient int next;
    private transient LongCounter planned;
    private transient Counter plannedMetric;

    public WalkForwardFanOut(Span train, Span test, Span step, int parameterSets) {
        this.train = train;
        this.test = test;
        this.step = step;
        this.parameterSets = parameterSets;
    }

    @Override
    public void open(OpenContext openContext) {
        next = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        planned = getRuntimeContext().getLongCounter(SweepProgress.PLANNED);
        plannedMetric = getRuntimeContext().getMetricGroup().counter("evaluationsPlanned");
    }

    @Override
    public void flatMap(BarHistory history, Collector<WalkForwardTask> out) {
        if (history.bars() == 0) {
            return;
        }
        for (WalkForwardWindow window : WalkForwardWindow.of(history.times[0], history.times[history.bars() - 1],
                train, test, step)) {
            WalkForwardTask task = new WalkForwardTask();
            task.history = history;
            task.window = window.index();
            task.trainStart = window.trainStart();
            task.trainEnd = window.trainEnd();
            task.testEnd = window.testEnd();
            task.number = next++;
            planned.add(parameterSets);
            plannedMetric.inc(parameterSets);
            out.collect(task);
        }
    }
}
