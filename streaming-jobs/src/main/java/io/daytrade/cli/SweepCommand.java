package io.daytrade.cli;

import io.daytrade.backtest.ExecutionSettings;
import io.daytrade.backtest.SweepPlan;
import io.daytrade.jobs.BoundedJob;
import io.daytrade.jobs.sweep.SweepJob;
import io.daytrade.jobs.sweep.SweepReport;
import io.daytrade.operators.sweep.SweepResult;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;


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

    @Mixin
    HistoryInput history;

    @Mixin
    GridOptions grid;

    @Option(names = "--top", defaultValue = "10", paramLabel = "K", description = "How many best results summary.json lists (default 10).")
    int top;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for results.csv and summary.json.")
    Path out;

    @Mixin
    ExecutionOptions execution;

    @Mixin
    ClusterOption cluster;

    @Override
    public Integer call() throws Exception {
        SweepPlan plan = grid.plan();
        if (top < 1) {
            throw new UserError("--top must be at least 1, got " + top);
        }
        history.requireOneInterval("a sweep");
        ResearchRun.checkOut(out);
        ExecutionSettings settings = history.settings(execution);
        long started = System.nanoTime();

        ResearchRun.Finished finished;
        if (cluster.enabled()) {
            finished = ResearchRun.onCluster(spec, cluster, "sweep", out, "summary.json", 0);
        } else {
            BoundedJob job = history.job();
            BarInput.Loaded bars = history.load(job);
            int chunks = Math.max(1, job.environment().getParallelism());
            var results = SweepJob.build(job, bars.bars(), bars.source(), plan, settings, chunks);
            Map<String, Object> sampling = new LinkedHashMap<>();
            sampling.put("random", grid.random > 0 ? grid.random : null);
            sampling.put("seed", grid.random > 0 ? grid.seed : null);
            SweepReport report = new SweepReport(out.toAbsolutePath().toString(), plan, grid.grid, settings, grid.metric,
                    top, sampling);
            var stdout = spec.commandLine().getOut();
            finished = ResearchRun.run(job, results, SweepResult.class, report, "sweep", out,
                    "summary.json", 0, stdout, spec.commandLine().getErr());
        }
        return finished == null ? ExitCodes.OK : printSummary(finished.summary(), started);
    }

    @SuppressWarnings("unchecked")
    private int printSummary(Map<String, Object> summary, long started) {
        var stdout = spec.commandLine().getOut();
        double seconds = (System.nanoTime() - started) / 1e9;
        long barEvaluations = ((Number) summary.get("bar_evaluations")).longValue();
        stdout.printf(Locale.ROOT, "evaluated %s parameter sets on %s symbols (%s skipped as invalid): %,d bar-evaluations"
                        + " in %.1f s, %,.0f per second%n", summary.get("parameter_sets"), summary.get("symbols"),
                summary.get("skipped"), barEvaluations, seconds, barEvaluations / seconds);
        List<Map<String, Object>> best = (List<Map<String, Object>>) summary.get("top");
        if (!best.isEmpty()) {
            Map<String, Object> first = best.get(0);
            Object value = ((Map<String, Object>) first.get("metrics")).get(grid.metric);
            stdout.printf(Locale.ROOT, "best %s: %s on %s with %s%n", grid.metric, value, first.get("symbol"),
                    first.get("parameters"));
        }
        stdout.println("wrote results.csv and summary.json to " + out);
        stdout.flush();
        int code = ResearchRun.exitCode(summary, spec.commandLine().getErr());
        if (code == ExitCodes.OK && ((Number) summary.get("evaluated")).intValue() == 0) {
            throw new UserError("no bars to sweep in " + history.source());
        }
        return code;
    }
}
