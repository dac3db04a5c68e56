package io.daytrade.operators.sweep;

import io.daytrade.backtest.BarHistory;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * Splits the work on one symbol's history into {@code chunks} tasks of consecutive parameter sets, so
 * that few symbols and many parameter sets still spread over every subtask. Each task computes nothing
 * twice: the indicators are already in the history.
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
            int first = (int) ((long) parameterSets * c / chunks);
            int end = (int) ((long) parameterSets * (c + 1) / chunks);
            if (end > first) {
                out.collect(new SweepTask(history, first, end - first));
            }
        }
    }
}
