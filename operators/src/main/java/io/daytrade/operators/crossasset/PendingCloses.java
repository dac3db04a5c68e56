package io.daytrade.operators.crossasset;

/** The closes of the symbols that have a bar at one bar time, waiting for the rest. A Flink POJO. */
public class PendingCloses {

    /** When every bar of this time has arrived: the watermark passing it releases them. */
    public long releaseAt;
    public String[] symbols;
    public double[] closes;

    public PendingCloses() {}
}
