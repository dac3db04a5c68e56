package io.daytrade.cli;

import io.daytrade.crossasset.CrossAssetCalculator;
import io.daytrade.jobs.AnalyticsPipeline;
import io.daytrade.jobs.BoundedJob;
import io.daytrade.jobs.crossasset.CrossAssetCsv;
import io.daytrade.operators.crossasset.CrossAssetFunction;
import io.daytrade.schemas.CrossAsset;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "cross-asset",
        description = "Rolling relations between symbols over history: the correlation matrix of bar returns, beta and"
                + " correlation against a benchmark, and a regression of each symbol on factor symbols; the same"
                + " operator as the live job's cross-asset topic, in BATCH mode.",
        footer = {"", "Returns are aligned on common timestamps: a bar time counts only when every symbol of the set",
                "has a bar at it, and each return runs from the previous such time. Writes correlations.csv,",
                "beta.csv (with --benchmark), factors.csv (with --factors) and summary.json to --out."})
final class CrossAssetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HistoryInput history;

    @Option(names = "--window", defaultValue = "60", paramLabel = "N", description = "Returns per window (default 60).")
    int window;

    @Option(names = "--symbols", paramLabel = "A,B,...", description = "The symbol set (default: every symbol of the input).")
    String symbols;

    @Option(names = "--benchmark", paramLabel = "SYMBOL", description = "Report each symbol's beta and correlation against it.")
    String benchmark;

    @Option(names = "--factors", paramLabel = "A,B,...", description = "Regress the other symbols' returns on these.")
    String factors;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the CSV files.")
    Path out;

    @Mixin
    ClusterOption cluster;

    @Override
    public Integer call() throws Exception {
        history.requireOneInterval("the cross-asset command");
        Path file = history.input.ticks != null ? history.input.ticks : history.input.bars;
        List<String> set = symbols != null ? Inputs.list(symbols) : Inputs.symbols(file, history.input.ticks != null ? "--ticks" : "--bars");
        List<String> factorList = Inputs.list(factors);
        CrossAssetCalculator calculator;
        try {
            calculator = new CrossAssetCalculator(set, window, benchmark, factorList);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        ResearchRun.checkOut(out);

        ResearchRun.Finished finished;
        if (cluster.enabled()) {
            finished = ResearchRun.onCluster(spec, cluster, "cross-asset", out, "summary.json", 0);
        } else {
            BoundedJob job = history.job();
            BarInput.Loaded bars = history.load(job);
            var rows = AnalyticsPipeline.crossAsset(bars.bars(), calculator, benchmark, factorList, bars.source());
            job.collectDeadLetters(rows);
            CrossAssetCsv report = new CrossAssetCsv(out.toAbsolutePath().toString(), set, window, benchmark, factorList);
            finished = ResearchRun.run(job, rows, CrossAsset.class, report, "cross-asset", out,
                    "summary.json", 0, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        var stdout = spec.commandLine().getOut();
        if (finished == null) {
            return ExitCodes.OK;
        }
        Map<String, Object> summary = finished.summary();
        Object skipped = finished.accumulators().getOrDefault(CrossAssetFunction.SKIPPED_TIMES, 0L);
        stdout.printf("%s symbols, window %d: %s bar times with statistics; %s bar times skipped because a symbol had"
                + " no bar%n", set.size(), window, summary.get("times"), skipped);
        stdout.println("wrote correlations.csv" + (benchmark != null ? ", beta.csv" : "")
                + (factorList.isEmpty() ? "" : ", factors.csv") + " and summary.json to " + out);
        stdout.flush();
        return ResearchRun.exitCode(summary, spec.commandLine().getErr());
    }
}
