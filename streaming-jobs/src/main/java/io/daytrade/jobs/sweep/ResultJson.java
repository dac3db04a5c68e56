package io.daytrade.jobs.sweep;

import io.daytrade.backtest.PerformanceMetrics;
import io.daytrade.backtest.SweepPlan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How research reports write a parameter set and a row of metrics in JSON. */
public final class ResultJson {

    private ResultJson() {}

    /** {@code {"fast": 5, "slow": 20}}: whole numbers without a fraction; empty for set -1. */
    public static Map<String, Object> parameters(SweepPlan plan, int set) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (set >= 0) {
            for (int i = 0; i < plan.names().size(); i++) {
                double value = plan.parameterSets()[set][i];
                parameters.put(plan.names().get(i), value == Math.rint(value) ? (Object) (long) value : (Object) value);
            }
        }
        return parameters;
    }

    /** Metrics in {@code PerformanceMetrics.names()} order under their names; NaN as null, counts whole. */
    public static Map<String, Object> metrics(double[] values) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        List<String> names = PerformanceMetrics.names();
        for (int i = 0; i < names.size(); i++) {
            double value = values[i];
            metrics.put(names.get(i), Double.isNaN(value) || Double.isInfinite(value) ? null
                    : PerformanceMetrics.isCount(names.get(i)) ? (Object) (long) value : (Object) value);
        }
        return metrics;
    }
}
