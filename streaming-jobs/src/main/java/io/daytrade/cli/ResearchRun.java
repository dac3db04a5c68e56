package io.daytrade.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.daytrade.jobs.BoundedJob;
import io.daytrade.jobs.ReportSink;

import io.daytrade.local.FlinkRest;
import io.daytrade.operators.sweep.SweepProgress;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

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

    /**
     * Submits the command being run, without {@code --cluster} and with its paths made absolute, to a
     * standalone cluster, where it runs in the job manager; draws the job's progress from its
     * accumulators through the REST API, and reads back the summary once it has finished.
     */
    @SuppressWarnings("unchecked")
    static Finished onCluster(CommandSpec spec, ClusterOption cluster, String name, Path out, String summaryFile,
            long knownTotal) throws Exception {
        FlinkRest rest = SubmitCommand.rest(cluster.url(), null);
        String jobId = SubmitCommand.submit(rest, clusterArguments(spec), null, null, false);
        PrintWriter stderr = spec.commandLine().getErr();
        ProgressBar bar = new ProgressBar(name, stderr, ProgressBar.wanted(), System::nanoTime);
        String state;
        Map<String, String> accumulators = Map.of();
        while (true) {
            state = rest.state(jobId);
            accumulators = rest.accumulators(jobId);
            long planned = number(accumulators.get(SweepProgress.PLANNED));
            bar.update(number(accumulators.get(SweepProgress.DONE)), planned > 0 ? planned : knownTotal);
            if (List.of("FINISHED", "FAILED", "CANCELED").contains(state)) {
                break;
            }
            Thread.sleep(500);
        }
        bar.finish();
        if (!state.equals("FINISHED")) {
            throw new IllegalStateException("job " + jobId + " on the cluster ended " + state
                    + (rest.failure(jobId) == null ? "" : ": " + rest.failure(jobId)));
        }
        Path summary = out.toAbsolutePath().resolve(summaryFile);
        if (!Files.isRegularFile(summary)) {
            spec.commandLine().getOut().println("job " + jobId + " finished; the cluster wrote its report to " + out);
            return null;
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        accumulators.forEach((key, value) -> counts.put(key, number(value)));
        return new Finished(new ObjectMapper().readValue(summary.toFile(), Map.class), counts);
    }

    /** The command line as given, minus {@code --cluster}, with every path option's value made absolute. */
    static List<String> clusterArguments(CommandSpec spec) {
        ParseResult parsed = spec.root().commandLine().getParseResult();
        Map<String, String> absolute = new LinkedHashMap<>();
        for (ParseResult result = parsed; result != null; result = result.subcommand()) {
            for (OptionSpec option : result.matchedOptions()) {
                if (option.type() == Path.class && option.getValue() != null) {
                    for (String name : option.names()) {
                        absolute.put(name, ((Path) option.getValue()).toAbsolutePath().toString());
                    }
                }
            }
        }
        List<String> tokens = parsed.originalArgs();
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals("--cluster")) {
                if (i + 1 < tokens.size() && !tokens.get(i + 1).startsWith("-") && tokens.get(i + 1).contains("://")) {
                    i++;
                }
                continue;
            }
            if (token.startsWith("--cluster=")) {
                continue;
            }
            int equals = token.indexOf('=');
            if (token.startsWith("-") && equals > 0 && absolute.containsKey(token.substring(0, equals))) {
                arguments.add(token.substring(0, equals + 1) + absolute.get(token.substring(0, equals)));
                continue;
            }
            arguments.add(token);
            if (absolute.containsKey(token) && i + 1 < tokens.size()) {
                arguments.add(absolute.get(token));
                i++;
            }
        }
        return arguments;
    }

    private static long number(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
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
