package io.daytrade.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What {@link InMemoryTickSource}'s readers note for the throughput, as {@link ThroughputProbe} does for
 * other sources: the earliest first record, the latest end of input and the records, over all subtasks.
 * Noted by the readers themselves, so that the chain that is the job's bound carries no operator of the
 * benchmark's. A board in this JVM, which the embedded cluster shares; one job at a time.
 */
final class SourceSpan {

    private static final AtomicLong FIRST = new AtomicLong();
    private static final AtomicLong END = new AtomicLong();
    private static final LongAdder RECORDS = new LongAdder();

    private SourceSpan() {}

    /** Before a job. */
    static void reset() {
        FIRST.set(Long.MAX_VALUE);
        END.set(Long.MIN_VALUE);
        RECORDS.reset();
    }

    static void first(long nanos) {
        FIRST.accumulateAndGet(nanos, Math::min);
    }

    static void end(long nanos, long records) {
        END.accumulateAndGet(nanos, Math::max);
        RECORDS.add(records);
    }

    /**
     * Records per second between the first record and the end of the input of the last job, which must have
     * read {@code expected} records (a reader that did not note its span, or noted a wrong count, fails it).
     */
    static double rate(long expected) {
        long first = FIRST.get();
        long end = END.get();
        long records = RECORDS.sum();
        if (first == Long.MAX_VALUE || end < first || records != expected) {
            throw new IllegalStateException("the readers noted " + records + " records of " + expected
                    + (first == Long.MAX_VALUE ? " and no first record" : ""));
        }
        return records / ((end - first) / 1e9);
    }
}
