package io.daytrade.cli;

import io.daytrade.backtest.MonteCarlo;
import io.daytrade.jobs.BoundedJob;
import io.daytrade.jobs.montecarlo.BacktestRun;
import io.daytrade.jobs.montecarlo.MonteCarloJob;
import io.daytrade.jobs.montecarlo.MonteCarloReport;
import io.daytrade.operators.montecarlo.MonteCarloPath;

import java.io.IOException;
import java.nio.file.Files;
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

@Command(name = "monte-carlo",
        description = "Resample a finished backtest's trade returns (or blocks of its bar returns) into many paths,"
                + " spread over Flink subtasks; report percentiles of final equity, max drawdown and Sharpe and the"
                + " probability of loss.",
        footer = {"", "Path i is drawn from a generator seeded by --seed and i alone: the same seed gives the same",
                "result at any parallelism. Writes monte-carlo.json, paths.csv and report.html to --out."})
final class MonteCarloCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "DIR", description = "The --out directory of a backtest.")
    Path from;

    @Option(names = "--paths", defaultValue = "10000", paramLabel = "N", description = "Paths to draw (default 10000).")
    long paths;

    @Option(names = "--method", defaultValue = "trades", paramLabel = "trades|blocks",
            description = "Resample trade returns (default) or blocks of bar returns.")
    String method;

    @Option(names = "--block", defaultValue = "20", paramLabel = "BARS", description = "Bars per block with --method blocks (default 20).")
    int block;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default 1).")
    long seed;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "0",
            description = "Subtasks per operator (default: the number of cores).")
    int parallelism;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the report.")
    Path out;

    @Mixin
    ClusterOption cluster;

    @Override
    public Integer call() throws Exception {
        MonteCarlo.Method chosen = switch (method.toLowerCase(Locale.ROOT)) {
            case "trades" -> MonteCarlo.Method.TRADES;
            case "blocks" -> MonteCarlo.Method.BLOCKS;
            default -> throw new UserError("--method must be trades or blocks, got '" + method + "'");
        };
        if (paths < 1 || paths > 100_000_000) {
            throw new UserError("--paths must be between 1 and 100,000,000, got " + paths);
        }
        if (!Files.isDirectory(from)) {
            throw new UserError("--from " + from + ": no such directory; give the --out directory of a backtest");
        }
        ResearchRun.checkOut(out);
        BacktestRun run;
        MonteCarlo.Path original;
        try {
            run = BacktestRun.read(from);
            double[] returns = chosen == MonteCarlo.Method.TRADES ? run.tradeReturns() : run.barReturns();
            double perYear = chosen == MonteCarlo.Method.TRADES ? run.tradesPerYear() : run.barsPerYear();
            original = new MonteCarlo(chosen, returns, block, run.capital(), perYear, seed).original();
        } catch (IllegalArgumentException | IOException e) {
            throw new UserError("--from: " + e.getMessage());
        }

        ResearchRun.Finished finished;
        if (cluster.enabled()) {
            finished = ResearchRun.onCluster(spec, cluster, "monte-carlo", out, "monte-carlo.json", paths);
        } else {
            BoundedJob job = new BoundedJob(parallelism);
            var results = MonteCarloJob.build(job.environment(), chosen, run, block, seed, paths);
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("strategy", run.strategy());
            description.put("from", from.toAbsolutePath().toString());
            description.put("method", chosen.name().toLowerCase(Locale.ROOT));
            description.put("block", chosen == MonteCarlo.Method.BLOCKS ? block : null);
            description.put("seed", seed);
            description.put("resampled", chosen == MonteCarlo.Method.TRADES ? run.tradeReturns().length : run.barReturns().length);
            MonteCarloReport report = new MonteCarloReport(out.toAbsolutePath().toString(), description, run.capital(), original);
            finished = ResearchRun.run(job, results, MonteCarloPath.class, report, "monte-carlo", out,
                    "monte-carlo.json", paths, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        var stdout = spec.commandLine().getOut();
        if (finished == null) {
            return ExitCodes.OK;
        }
        print(finished.summary());
        return ExitCodes.OK;
    }

    @SuppressWarnings("unchecked")
    private void print(Map<String, Object> summary) {
        var stdout = spec.commandLine().getOut();
        Map<String, Object> percentiles = (Map<String, Object>) summary.get("percentiles");
        stdout.printf(Locale.ROOT, "%s paths by %s: probability of loss %.1f%%%n", summary.get("paths"), summary.get("method"),
                ((Number) summary.get("probability_of_loss")).doubleValue() * 100);
        for (String name : new String[] {"final_equity", "max_drawdown", "sharpe"}) {
            Map<String, Object> p = (Map<String, Object>) percentiles.get(name);
            stdout.printf(Locale.ROOT, "  %-13s p5 %s  p50 %s  p95 %s%n", name, number(p.get("p5")), number(p.get("p50")),
                    number(p.get("p95")));
        }
        stdout.println("wrote monte-carlo.json, paths.csv and report.html to " + out);
        stdout.flush();
    }

    private static String number(Object value) {
        return value instanceof Number n ? String.format(Locale.ROOT, "%.4g", n.doubleValue()) : "n/a";
    }
}
