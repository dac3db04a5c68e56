package io.daytrade.operators.sweep;

/**
 * The metrics of one parameter set on one symbol, in the order of {@code PerformanceMetrics.asMap()}.
 * A Flink POJO.
 */
public class SweepResult {

    public String symbol;
    /** The index of the parameter set in the sweep's list. */
    public int parameterSet;
    public int bars;
    public double[] metrics;

    public SweepResult() {}
}
