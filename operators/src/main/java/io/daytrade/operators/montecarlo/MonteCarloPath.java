package io.daytrade.operators.montecarlo;

/** One resampled path's outcome. A Flink POJO. */
public class MonteCarloPath {

    public long index;
    public double finalEquity;
    public double maxDrawdown;
    public double sharpe;

    public MonteCarloPath() {}
}
