package io.daytrade.bench;

import io.daytrade.schemas.IndicatorValues;

import org.apache.flink.api.common.accumulators.Histogram;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * At the indicator stage's output: milliseconds from the arrival of each bar's last tick (noted by the
 * bars stage in the live job) to now, in a histogram accumulator, one bucket per millisecond.
 */
final class LatencyRecorder extends RichMapFunction<IndicatorValues, IndicatorValues> {

    private static final long serialVersionUID = 1L;
    static final String NAME = "tick-to-indicators-ms";

    private transient Histogram latencies;

    @Override
    public void open(OpenContext openContext) {
        latencies = new Histogram();
        getRuntimeContext().addAccumulator(NAME, latencies);
    }

    @Override
    public IndicatorValues map(IndicatorValues values) {
        if (values.getLastTickArrival() != null) {
            latencies.add((int) Math.min(Integer.MAX_VALUE, System.currentTimeMillis() - values.getLastTickArrival()));
        }
        return values;
    }
}
