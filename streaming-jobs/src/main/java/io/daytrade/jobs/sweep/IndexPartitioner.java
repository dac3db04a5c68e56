package io.daytrade.jobs.sweep;

import io.daytrade.operators.sweep.SweepTask;
import io.daytrade.operators.sweep.WalkForwardTask;

import org.apache.flink.api.common.functions.Partitioner;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * Sends a task to the subtask its index names, modulo the parallelism: a symbol's tasks (a sweep's chunks
 * of parameter sets, a walk-forward's windows) cost alike, so numbering them 0, 1, 2, ... spreads every
 * symbol's work evenly over the subtasks. A {@code rebalance()} did not in BATCH mode: each subtask took
 * all tasks of the symbols its upstream subtask held, so one symbol ran on one subtask.
 */
public final class IndexPartitioner implements Partitioner<Integer> {

    private static final long serialVersionUID = 1L;

    @Override
    public int partition(Integer index, int partitions) {
        return Math.floorMod(index, partitions);
    }

    /** A sweep task's chunk index: its first parameter set, as the fan-out numbers them. */
    public static final class SweepChunk implements KeySelector<SweepTask, Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public Integer getKey(SweepTask task) {
            return task.first;
        }
    }

    /** A walk-forward task's window index within its symbol. */
    public static final class Window implements KeySelector<WalkForwardTask, Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public Integer getKey(WalkForwardTask task) {
            return task.window;
        }
    }
}
