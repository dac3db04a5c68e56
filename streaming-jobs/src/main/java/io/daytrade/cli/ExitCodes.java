package io.daytrade.cli;

/** What {@code bin/daytrade} exits with; scripts may test for these. */
final class ExitCodes {

    static final int OK = 0;
    /** The job ran, but some input records were rejected (listed on stderr). */
    static final int REJECTED_INPUT = 1;
    /** A usage mistake: a bad option, a missing file, a bad header. Nothing ran. */
    static final int USAGE = 2;
    /** The job itself failed. */
    static final int JOB_FAILED = 3;

    private ExitCodes() {}
}
