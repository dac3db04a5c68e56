package io.daytrade.operators.sweep;

import org.apache.flink.api.common.functions.RuntimeContext;

/**
 * The accumulators a sweep-like job keeps, so a client can draw its progress: how many evaluations it
 * has planned (known once the histories are read) and how many are done. The same counts are metrics
 * of the operators, for the web UI.
 */
public final class SweepProgress {

    public static final String PLANNED = "evaluations-planned";
    public static final String DONE = "evaluations-done";

    private SweepProgress() {}

    /**
     * Counts a job's planned evaluations, from the first subtask only: the dealt operators give every
     * subtask every task, so each would count the whole job's.
     */
    static void planned(RuntimeContext context, long evaluations) {
        if (context.getTaskInfo().getIndexOfThisSubtask() == 0) {
            context.getLongCounter(PLANNED).add(evaluations);
            context.getMetricGroup().counter("evaluationsPlanned").inc(evaluations);
        }
    }
}
