package io.daytrade.operators.sweep;

/**
 * The accumulators a sweep-like job keeps, so a client can draw its progress: how many evaluations it
 * has planned (known once the histories are read) and how many are done. The same counts are metrics
 * of the operators, for the web UI.
 */
public final class SweepProgress {

    public static final String PLANNED = "evaluations-planned";
    public static final String DONE = "evaluations-done";

    private SweepProgress() {}
}
