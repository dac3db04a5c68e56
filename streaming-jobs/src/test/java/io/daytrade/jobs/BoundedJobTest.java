package io.daytrade.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.junit.jupiter.api.Test;

/**
 * Every operator of a bounded job runs at the job's parallelism, however little it reads: BATCH mode's
 * scheduler sized operators by their input bytes, and a sweep over one symbol (a megabyte of bars,
 * minutes of backtests) ran its backtests on one subtask.
 */
class BoundedJobTest {

    @Test
    void anOperatorReadingAlmostNothingRunsOnEverySubtask() throws Exception {
        BoundedJob job = new BoundedJob(2);
        DataStream<Integer> subtasks = job.environment().fromData(1, 2, 3, 4, 5, 6, 7, 8)
                .rebalance()
                .map(new SubtaskCount())
                .returns(Types.INT);

        List<Integer> seen = job.run(subtasks, Types.INT, "parallelism").records();

        assertThat(seen).hasSize(8).containsOnly(2);
    }

    /** Each record becomes the number of subtasks of the operator it went through. */
    private static final class SubtaskCount extends RichMapFunction<Integer, Integer> {
        private transient int subtasks;

        @Override
        public void open(OpenContext openContext) {
            subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        }

        @Override
        public Integer map(Integer value) {
            return subtasks;
        }
    }
}
