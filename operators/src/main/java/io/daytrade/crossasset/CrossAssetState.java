package io.daytrade.crossasset;

/**
 * What {@link CrossAssetCalculator} remembers between bar times: the last aligned closes and the last
 * {@code window} aligned return vectors, in a ring. A Flink POJO (the operator keeps it in keyed
 * state), though nothing here depends on Flink.
 */
public class CrossAssetState {

    /** The closes at the last time every symbol had a bar; null before the first. */
    public double[] lastCloses;
    /** Return vectors, row {@code r} at {@code [r * symbols, (r + 1) * symbols)}. */
    public double[] returns;
    /** How many rows hold returns (at most the window). */
    public int filled;
    /** The row the next return vector goes to. */
    public int next;
    /** Bar times skipped because a symbol had no bar. */
    public long skippedTimes;

    public CrossAssetState() {}
}
