package io.daytrade.cli;

import io.daytrade.backtest.ExecutionSettings;
import io.daytrade.jobs.BoundedJob;

import java.io.IOException;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The history a bounded research command works on, on one bar interval: {@code --bars FILE} or
 * {@code --ticks FILE --interval I}, and the job's {@code --parallelism}. Shared by backtest, sweep,
 * walk-forward and cross-asset.
 */
final class HistoryInput {

    @ArgGroup(exclusive = true, multiplicity = "1")
    BarInput input;

    @Option(names = "--interval", paramLabel = "1m", description = "Bar interval, with --ticks.")
    String interval;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "0",
            description = "Subtasks per operator (default: the number of cores).")
    int parallelism;

    /** @param what the command, as the error should name it, e.g. "a sweep" */
    void requireOneInterval(String what) {
        if (interval != null && interval.contains(",")) {
            throw new UserError("--interval: " + what + " runs on one interval, got " + interval);
        }
    }

    BoundedJob job() {
        return new BoundedJob(parallelism);
    }

    BarInput.Loaded load(BoundedJob job) {
        return input.load(job, interval);
    }

    ExecutionSettings settings(ExecutionOptions execution) throws IOException {
        return execution.settings(input, interval);
    }

    /** The file given, as the user wrote it. */
    String source() {
        return input.source();
    }
}
