package io.daytrade.cli;

import io.daytrade.backtest.ExecutionSettings;
import io.daytrade.backtest.Span;
import io.daytrade.backtest.SweepPlan;
import io.daytrade.jobs.BoundedJob;
import io.daytrade.jobs.walkforward.WalkForwardJob;
import io.daytrade.jobs.walkforward.WalkForwardReport;
import io.daytrade.operators.sweep.WalkForwardResult;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "walk-forward",
        description = "Walk-forward optimisation: for each rolling window, choose the best parameters of the grid on"
                + " the train slice, then backtest them on the test slice that follows; windows and symbols run in"
                + " parallel in one bounded Flink job.",
        footer = {"", "Spans: 2y, 6m (months), 3w, 10d, 12h, 30min; calendar steps in UTC from each symbol's first bar.",
                "A train slice is backtested alone and closes its position at its last bar: nothing of the test slice",
                "reaches it. Writes walk-forward.json, windows.csv, equity.csv (the stitched out-of-sample curve) and",
                "report.html to --out."})
final class WalkForwardCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HistoryInput history;

    @Mixin
    GridOptions grid;

    @Option(names = "--train", required = true, paramLabel = "SPAN", description = "Length of a train slice, e.g. 2y.")
    String train;

    @Option(names = "--test", required = true, paramLabel = "SPAN", description = "Length of a test slice, e.g. 6m.")
    String test;

    @Option(names = "--step", paramLabel = "SPAN", description = "How far each window moves on (default: --test).")
    String step;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the report.")
    Path out;

    @Mixin
    ExecutionOptions execution;

    @Mixin
    ClusterOption cluster;

    @Override
    public Integer call() throws Exception {
        SweepPlan plan = grid.plan();
        Span trainSpan = span("--train", train);
        Span testSpan = span("--test", test);
        Span stepSpan = step == null ? testSpan : span("--step", step);
        history.requireOneInterval("a walk-forward");
        ResearchRun.checkOut(out);
        ExecutionSettings settings = history.settings(execution);

        ResearchRun.Finished finished;
        if (cluster.enabled()) {
            finished = ResearchRun.onCluster(spec, cluster, "walk-forward", out, "walk-forward.json", 0);
        } else {
            BoundedJob job = history.job();
            BarInput.Loaded bars = history.load(job);
            var results = WalkForwardJob.build(job, bars.bars(), bars.source(), plan, settings, grid.metric, trainSpan,
                    testSpan, stepSpan);
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("strategy", plan.strategy());
            description.put("grid", grid.grid);
            description.put("train", trainSpan.text());
            description.put("test", testSpan.text());
            description.put("step", stepSpan.text());
            WalkForwardReport report = new WalkForwardReport(out.toAbsolutePath().toString(), plan, description, settings,
                    grid.metric);
            finished = ResearchRun.run(job, results, WalkForwardResult.class, report, "walk-forward", out,
                    "walk-forward.json", 0, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        return finished == null ? ExitCodes.OK : printSummary(finished.summary());
    }

    private static Span span(String option, String text) {
        try {
            return Span.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError(option + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private int printSummary(Map<String, Object> summary) {
        var stdout = spec.commandLine().getOut();
        Map<String, Object> symbols = (Map<String, Object>) summary.get("symbols");
        if (symbols.isEmpty()) {
            int code = ResearchRun.exitCode(summary, spec.commandLine().getErr());
            throw new UserError("no window fits: the history of " + history.source() + " is shorter than --train "
                    + train + (code == ExitCodes.OK ? "" : " (and input was rejected)"));
        }
        symbols.forEach((symbol, value) -> {
            Map<String, Object> result = (Map<String, Object>) value;
            Object inSample = ((Map<String, Object>) result.get("in_sample_mean")).get(grid.metric);
            Map<String, Object> outOfSample = (Map<String, Object>) result.get("out_of_sample");
            stdout.printf(Locale.ROOT, "%s: %d windows; %s in sample (mean) %s, out of sample %s; out-of-sample return %s%n",
                    symbol, ((java.util.List<?>) result.get("windows")).size(), grid.metric, SummaryFormat.decimal(inSample),
                    SummaryFormat.decimal(outOfSample.get(grid.metric)), SummaryFormat.percent(outOfSample.get("total_return")));
        });
        stdout.println("wrote walk-forward.json, windows.csv, equity.csv and report.html to " + out);
        stdout.flush();
        return ResearchRun.exitCode(summary, spec.commandLine().getErr());
    }
}
