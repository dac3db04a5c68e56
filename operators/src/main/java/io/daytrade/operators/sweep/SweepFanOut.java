package io.daytrade.operators.sweep;

import io.daytrade.backtest.BarHistory;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * Splits the work on one symbol's history into {@code chunks} tasks, so that few symbols and many
 * parameter sets still spread over every subtask. Task c takes every chunks-th parameter set from c on:
 * neighbouring sets of a grid cost alike (a short average crosses more often, so it trades more), and
 * consecutive ranges left one subtask with a third more work than the other.
 */
public class SweepFanOut extends RichFlatMapFunction<BarHistory, SweepTask> {

    private static final long serialVersionUID = 1L;

    private final int parameterSets;
    private final int chunks;
    private transient LongCounter planned;
    private transient Counter plannedMetric;

    public SweepFanOut(int parameterSets, int chunks) {
        this.parameterSets = parameterSets;
        this.chunks = Math.max(1, Math.min(chunks, parameterSets));
    }

    @Override
    public void open(OpenContext openContext) {
        planned = getRuntimeContext().getLongCounter(SweepProgress.PLANNED);
        plannedMetric = getRuntimeContext().getMetricGroup().counter("evaluationsPlanned");
    }

    @Override
    public void flatMap(BarHistory history, Collector<SweepTask> out) {
        planned.add(parameterSets);
        plannedMetric.inc(parameterSets);
        for (int c = 0; c < chunks; c++) {
            int count = (parameterSets - c + chunks - 1) / chunks;
            if (count > 0) {
                out.collect(new SweepTask(history, c, count, chunks));
            }
        }
    }
}
