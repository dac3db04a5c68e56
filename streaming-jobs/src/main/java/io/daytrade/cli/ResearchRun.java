package io.daytrade.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.daytrade.jobs.BoundedJob;
import io.daytrade.jobs.ReportSink;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Runs a research job that writes its own report (sweep, walk-forward, Monte Carlo): submits it, draws
 * its progress until it ends, and reads back the JSON summary it wrote, if this machine can see it.
 */
final class ResearchRun {

    private ResearchRun() {}

    /** What a finished job wrote and counted. */
    record Finished(Map<String, Object> summary, Map<String, Object> accumulators) {}

    /**
     * @return the summary the job wrote to {@code out/summaryFile} and the job's accumulators, or null if the
     *     job was only submitted (web UI, Kubernetes session job) or wrote where this machine cannot read
     */
    @SuppressWarnings("unchecked")
    static <T> Finished run(BoundedJob job, DataStream<T> results, Class<T> type, ReportSink.Report<T> report,
            String name, Path out, String summaryFile, long knownTotal, PrintWriter stdout, PrintWriter stderr)
            throws Exception {
        JobClient client = job.submit(results, TypeInformation.of(type), new ReportSink<>(report), name + "-report",
                "daytrade " + name);
        JobExecutionResult result = JobProgress.follow(client,
                new ProgressBar(name, stderr, ProgressBar.wanted(), System::nanoTime), knownTotal);
        if (result == null) {
            stdout.println("submitted job " + client.getJobID() + "; it writes its report to " + out);
            return null;
        }
        Path summary = out.resolve(summaryFile);
        if (!Files.isRegularFile(summary)) {
            stdout.println("the job finished; the cluster wrote its report to " + out);
            return null;
        }
        try {
            return new Finished(new ObjectMapper().readValue(summary.toFile(), Map.class), result.getAllAccumulatorResults());
        } catch (IOException e) {
            throw new UserError("cannot read " + summary + ": " + e.getMessage());
        }
    }

    /** Prints what the job rejected; the exit code says whether anything was. */
    @SuppressWarnings("unchecked")
    static int exitCode(Map<String, Object> summary, PrintWriter stderr) {
        Map<String, Object> rejected = (Map<String, Object>) summary.get("rejected_input");
        if (rejected != null && ((Number) rejected.get("count")).intValue() > 0) {
            DeadLetterReport.print(rejected, stderr);
            return ExitCodes.REJECTED_INPUT;
        }
        return ExitCodes.OK;
    }

    static void checkOut(Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserError("--out " + out + ": is a file; give a directory");
        }
    }
}
