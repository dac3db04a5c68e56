package io.daytrade.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.daytrade.backtest.ExecutionSettings;
import io.daytrade.backtest.PerformanceMetrics;
import io.daytrade.backtest.SweepPlan;
import io.daytrade.jobs.BoundedJob;
import io.daytrade.jobs.ReportSink;
import io.daytrade.jobs.sweep.SweepJob;
import io.daytrade.jobs.sweep.SweepReport;
import io.daytrade.operators.sweep.SweepResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.execution.JobClient;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sweep",
        description = "Backtest every parameter set of a grid on every symbol, in one bounded Flink job: indicators"
                + " are computed once per symbol and parameter, the parameter sets are spread over the subtasks.",
        footer = {"", "Grid: fast=5..50:5 (from..to:step, both included), n=10|20|30 (a list), k=2 (one value);",
                "axes separated by commas. Invalid combinations (e.g. fast >= slow) are skipped and counted.",
                "Writes results.csv (symbol, one column per parameter, the report.json metrics) and summary.json",
                "(the best --top rows by --metric, and how many were evaluated) to --out."})
final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    BarInput input;

    @Option(names = "--interval", paramLabel = "1m", description = "Bar interval, with --ticks.")
    String interval;

    @Option(names = "--strategy", required = true, paramLabel = "SPEC",
            description = "A built-in, e.g. sma_cross, or with fixed parameters: bbands_breakout(n=20).")
    String strategy;

    @Option(names = "--grid", required = true, paramLabel = "GRID", description = "e.g. fast=5..50:5,slow=20..200:20")
    String grid;

    @Option(names = "--random", paramLabel = "N", defaultValue = "0",
            description = "Evaluate N parameter sets drawn at random from the grid instead of all of them.")
    int random;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of --random (default 1).")
    long seed;

    @Option(names = "--metric", defaultValue = "sharpe", paramLabel = "NAME",
            description = "Metric that ranks the results (default sharpe); any report.json metric.")
    String metric;

    @Option(names = "--top", defaultValue = "10", paramLabel = "K", description = "How many best results summary.json lists (default 10).")
    int top;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "0",
            description = "Subtasks per operator (default: the number of cores).")
    int parallelism;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for results.csv and summary.json.")
    Path out;

    @Mixin
    ExecutionOptions execution;

    @Override
    public Integer call() throws Exception {
        SweepPlan plan = plan();
        if (!PerformanceMetrics.names().contains(metric)) {
            throw new UserError("--metric: unknown metric '" + metric + "'; one of " + String.join(", ", PerformanceMetrics.names()));
        }
        if (top < 1) {
            throw new UserError("--top must be at least 1, got " + top);
        }
        if (interval != null && interval.contains(",")) {
            throw new UserError("--interval: a sweep runs on one interval, got " + interval);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserError("--out " + out + ": is a file; give a directory");
        }
        ExecutionSettings settings = execution.settings(input, interval);
        long started = System.nanoTime();

        BoundedJob job = new BoundedJob(parallelism);
        BarInput.Loaded bars = input.load(job, interval);
        int chunks = Math.max(1, job.environment().getParallelism());
        var results = SweepJob.build(job, bars.bars(), bars.source(), plan, settings, chunks);
        Map<String, Object> sampling = new LinkedHashMap<>();
        sampling.put("random", random > 0 ? random : null);
        sampling.put("seed", random > 0 ? seed : null);
        SweepReport report = new SweepReport(out.toAbsolutePath().toString(), plan, grid, settings, metric, top, sampling);
        JobClient client = job.submit(results, TypeInformation.of(SweepResult.class), new ReportSink<>(report),
                "sweep-report", "daytrade sweep " + plan.strategy());
        var err = spec.commandLine().getErr();
        JobExecutionResult result = JobProgress.follow(client, new ProgressBar("sweep", err, ProgressBar.wanted(), System::nanoTime));
        if (result == null) {
            spec.commandLine().getOut().println("submitted job " + client.getJobID() + "; it writes results.csv and summary.json to " + out);
            return ExitCodes.OK;
        }
        return printSummary(started);
    }

    private SweepPlan plan() {
        SweepPlan plan;
        try {
            plan = SweepPlan.of(strategy, grid, random, seed);
        } catch (IllegalArgumentException e) {
            throw new UserError((e.getMessage().startsWith("unknown strategy") ? "--strategy: " : "--grid: ") + e.getMessage());
        }
        if (plan.parameterSets().length == 0) {
            throw new UserError("--grid: none of its " + plan.considered() + " combinations is valid: " + plan.skipped().keySet());
        }
        return plan;
    }

    @SuppressWarnings("unchecked")
    private int printSummary(long started) throws Exception {
        var stdout = spec.commandLine().getOut();
        Path file = out.resolve("summary.json");
        if (!Files.isRegularFile(file)) {
            stdout.println("the job finished; the cluster wrote results.csv and summary.json to " + out);
            return ExitCodes.OK;
        }
        Map<String, Object> summary = new ObjectMapper().readValue(file.toFile(), Map.class);
        double seconds = (System.nanoTime() - started) / 1e9;
        long barEvaluations = ((Number) summary.get("bar_evaluations")).longValue();
        stdout.printf(Locale.ROOT, "evaluated %s parameter sets on %s symbols (%s skipped as invalid): %,d bar-evaluations"
                        + " in %.1f s, %,.0f per second%n", summary.get("parameter_sets"), summary.get("symbols"),
                summary.get("skipped"), barEvaluations, seconds, barEvaluations / seconds);
        List<Map<String, Object>> best = (List<Map<String, Object>>) summary.get("top");
        if (!best.isEmpty()) {
            Map<String, Object> first = best.get(0);
            Object value = ((Map<String, Object>) first.get("metrics")).get(metric);
            stdout.printf(Locale.ROOT, "best %s: %s on %s with %s%n", metric, value, first.get("symbol"), first.get("parameters"));
        }
        stdout.println("wrote results.csv and summary.json to " + out);
        stdout.flush();
        Map<String, Object> rejected = (Map<String, Object>) summary.get("rejected_input");
        if (((Number) rejected.get("count")).intValue() > 0) {
            DeadLetterReport.print(rejected, spec.commandLine().getErr());
            return ExitCodes.REJECTED_INPUT;
        }
        if (((Number) summary.get("evaluated")).intValue() == 0) {
            throw new UserError("no bars to sweep in " + input.source());
        }
        return ExitCodes.OK;
    }
}
