package io.daytrade.bench;

import io.daytrade.schemas.Bar;
import io.daytrade.schemas.IndicatorValues;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.flink.api.common.accumulators.Histogram;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * At the indicator stage's output: milliseconds from the arrival of each bar's last tick to now, in a
 * histogram accumulator, one bucket per millisecond. The bars stage notes each bar's last tick arrival
 * (inside the job only); {@link #noteArrival} passes it on through a board in this JVM, which the
 * embedded cluster shares, so the records and topics of the job stay as they are.
 */
final class LatencyRecorder extends RichMapFunction<IndicatorValues, IndicatorValues> {

    private static final long serialVersionUID = 1L;
    static final String NAME = "tick-to-indicators-ms";
    private static final Map<String, Long> ARRIVALS = new ConcurrentHashMap<>();

    private transient Histogram latencies;

    /** Chained after the bars stage: remembers when each bar's last tick arrived. */
    static MapFunction<Bar, Bar> noteArrival() {
        return bar -> {
            if (bar.getLastTickArrival() != null) {
                ARRIVALS.put(key(bar.getSymbol(), bar.getWindowStart().toEpochMilli()), bar.getLastTickArrival());
            }
            return bar;
        };
    }

    private static String key(String symbol, long barTime) {
        return symbol + '|' + barTime;
    }

    @Override
    public void open(OpenContext openContext) {
        latencies = new Histogram();
        getRuntimeContext().addAccumulator(NAME, latencies);
    }

    @Override
    public IndicatorValues map(IndicatorValues values) {
        Long arrival = ARRIVALS.remove(key(values.getSymbol(), values.getBarTime().toEpochMilli()));
        if (arrival != null) {
            latencies.add((int) Math.min(Integer.MAX_VALUE, System.currentTimeMillis() - arrival));
        }
        return values;
    }
}
