package io.daytrade.cli;

import io.daytrade.jobs.BoundedJob;

import java.nio.file.Path;
import java.util.Locale;

import picocli.CommandLine.Model.CommandSpec;

/** The closing lines of a bounded command: what was written, what was rejected, the exit code. */
final class Summary {

    private Summary() {}

    static int report(CommandSpec spec, BoundedJob.Result<?> result, Path out, String noun, long startedNanos) {
        int rows = result.records().size();
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d %s%s to %s in %.1f s%n",
                rows, noun, rows == 1 ? "" : "s", out, seconds);
        spec.commandLine().getOut().flush();
        if (!result.deadLetters().isEmpty()) {
            DeadLetterReport.print(result.deadLetters(), spec.commandLine().getErr());
            return ExitCodes.REJECTED_INPUT;
        }
        return ExitCodes.OK;
    }
}
