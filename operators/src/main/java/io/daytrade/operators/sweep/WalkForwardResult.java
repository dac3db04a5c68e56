package io.daytrade.operators.sweep;

/**
 * One window's outcome on one symbol: the chosen parameter set, its in-sample metrics, and its
 * out-of-sample backtest (equity marked at each test bar, trade profits, totals). Metrics are in the
 * order of {@code PerformanceMetrics.asMap()}. A Flink POJO.
 */
public class WalkForwardResult {

    public String symbol;
    public int window;
    public long trainStart;
    public long trainEnd;
    public long testEnd;
    public int trainBars;
    public int testBars;
    /** -1 when no parameter set had a defined metric on the train slice. */
    public int parameterSet;
    public double[] inSample;
    public double[] outOfSample;
    public long[] times;
    public double[] equity;
    public double[] tradePnl;
    public double exposure;
    public double tradedNotional;
    public double feesPaid;

    public WalkForwardResult() {}
}
