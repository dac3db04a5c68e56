package io.daytrade.bench;

import org.apache.flink.api.common.accumulators.LongMaximum;
import org.apache.flink.api.common.accumulators.LongMinimum;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Passes records through unchanged and notes, per subtask, the wall-clock time of the first record and
 * of the end of the input. The job's throughput is the records counted over the span from the earliest
 * first record to the latest end of input: job start and the final checkpoint after the input are not in it.
 * Chained right after the source; per record it costs a call and an increment.
 */
final class ThroughputProbe<T> extends AbstractStreamOperator<T> implements OneInputStreamOperator<T, T>, BoundedOneInput {

    private static final long serialVersionUID = 1L;
    static final String FIRST = "probe-first-record-ns";
    static final String END = "probe-end-of-input-ns";
    static final String RECORDS = "probe-records";

    private transient LongMinimum first;
    private transient LongMaximum end;
    private transient LongCounter records;
    private transient boolean started;
    private transient long count;

    @Override
    public void open() throws Exception {
        super.open();
        first = new LongMinimum();
        end = new LongMaximum();
        records = new LongCounter();
        getRuntimeContext().addAccumulator(FIRST, first);
        getRuntimeContext().addAccumulator(END, end);
        getRuntimeContext().addAccumulator(RECORDS, records);
    }

    @Override
    public void processElement(StreamRecord<T> element) {
        if (!started) {
            started = true;
            first.add(System.nanoTime());
        }
        count++;
        output.collect(element);
    }

    @Override
    public void endInput() {
        end.add(System.nanoTime());
        records.add(count);
    }

    /** Records per second between the first record and the end of the input, over all subtasks. */
    static double rate(JobExecutionResult result) {
        long count = result.getAccumulatorResult(RECORDS);
        long from = result.getAccumulatorResult(FIRST);
        long to = result.getAccumulatorResult(END);
        return count / ((to - from) / 1e9);
    }
}
