package io.daytrade.jobs.sweep;

import io.daytrade.operators.sweep.SweepTask;

import org.apache.flink.api.common.functions.Partitioner;
import org.apache.flink.api.java.functions.KeySelector;

/** Sends a sweep task to the subtask its chunk index names, modulo the parallelism. */
final class ChunkPartitioner implements Partitioner<Integer> {

    private static final long serialVersionUID = 1L;

    @Override
    public int partition(Integer chunk, int partitions) {
        return Math.floorMod(chunk, partitions);
    }

    /** A task's chunk index: its first parameter set, as the fan-out numbers them. */
    static final class Chunk implements KeySelector<SweepTask, Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public Integer getKey(SweepTask task) {
            return task.first;
        }
    }
}
