package io.daytrade.jobs.sweep;

import io.daytrade.operators.sweep.WalkForwardTask;

import org.apache.flink.api.common.functions.Partitioner;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * Sends a task to the subtask its number names, modulo the parallelism: tasks that cost alike (walk-forward
 * windows, numbered across symbols as the fan-out emits them) are spread evenly over the subtasks. A
 * {@code rebalance()} did not in BATCH mode: each subtask took all tasks of the symbols its upstream subtask
 * held, so one symbol ran on one subtask. (A sweep's tasks are dealt on request instead: SweepJob.)
 */
public final class IndexPartitioner implements Partitioner<Integer> {

    private static final long serialVersionUID = 1L;

    @Override
    public int partition(Integer index, int partitions) {
        return Math.floorMod(index, partitions);
    }

    /** A walk-forward task's number, as the fan-out deals them ({@link WalkForwardTask#number}). */
    public static final class WalkForwardTaskNumber implements KeySelector<WalkForwardTask, Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public Integer getKey(WalkForwardTask task) {
            return task.number;
        }
    }
}
