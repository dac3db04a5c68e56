package io.daytrade.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/daytrade bench}: runs a benchmark suite, prints a table with each figure as a ratio to the
 * baselines measured in the same run (absolute times on a shared 2-core machine are not stable; ratios
 * are), rows for BENCHMARKS.md, and optionally JSON.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the project against a plain-Java loop and its peers, in one run.")
public final class Bench implements Callable<Integer> {

    @Option(names = "--suite", required = true, paramLabel = "kernels|live|sweep|memory",
            description = "kernels: indicator update cost per bar; sweep: bar-evaluations/s of daytrade sweep"
                    + " at parallelism 1 and 2; live: ticks/s through the live operators; memory: state size and heap"
                    + " for thousands of symbols.")
    String suite;

    @Option(names = "--quick", description = "A small size for CI: checks the suite runs, not speed.")
    boolean quick;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path json;

    private PrintWriter out = new PrintWriter(System.out, true);

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Bench());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("daytrade bench: error: " + e.getMessage());
            return 3;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (suite.equals("sweep") || suite.equals("memory") || suite.equals("live")) {
            Path work = java.nio.file.Files.createTempDirectory("daytrade-bench-" + suite + "-");
            try {
                Map<String, Object> document = suite.equals("sweep") ? new SweepSuite(quick, out).run(work)
                        : suite.equals("live") ? new LiveSuite(quick, out).run(work)
                        : new MemorySuite(quick, out).run(work);
                if (json != null) {
                    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), document);
                    out.println("wrote " + json);
                }
            } finally {
                deleteRecursively(work);
            }
            return 0;
        }
        if (!suite.equals("kernels")) {
            System.err.println("daytrade bench: unknown suite '" + suite + "'; available: kernels, live, sweep, memory");
            return 2;
        }
        int bars = quick ? 2_000 : 20_000;
        Options options = new OptionsBuilder()
                .include(KernelBenchmark.class.getName())
                .param("bars", Integer.toString(bars))
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(TimeValue.milliseconds(quick ? 100 : 2_000))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(TimeValue.milliseconds(quick ? 100 : 2_000))
                .forks(quick ? 0 : 1)
                .shouldFailOnError(true)
                .verbosity(quick ? VerboseMode.SILENT : VerboseMode.NORMAL)
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Map<String, Map<String, double[]>> byWorkload = new LinkedHashMap<>();
        for (Kernel kernel : Kernel.values()) {
            byWorkload.put(kernel.label(), new HashMap<>());
        }
        for (RunResult result : results) {
            String workload = result.getParams().getParam("workload");
            String engine = result.getParams().getParam("engine");
            byWorkload.get(workload).put(engine, barsPerSecond(result, bars));
        }
        List<Map<String, Object>> workloads = new ArrayList<>();
        out.printf(Locale.ROOT, "%nsuite kernels: %d bars per pass; figures are bars/s (median of iterations, spread min..max)%n",
                bars);
        out.printf(Locale.ROOT, "%-8s %14s %12s %12s %12s   %s%n", "workload", "daytrade", "vs plain", "vs TA-Lib",
                "vs ta4j", "spread");
        List<String> markdown = new ArrayList<>();
        String machine = Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");
        for (Map.Entry<String, Map<String, double[]>> entry : byWorkload.entrySet()) {
            Map<String, double[]> engines = entry.getValue();
            double ours = engines.get("daytrade")[0];
            Map<String, Object> baselines = new LinkedHashMap<>();
            Map<String, Object> ratios = new LinkedHashMap<>();
            for (String engine : List.of("plain_loop", "talib", "ta4j")) {
                baselines.put(engine, engines.get(engine)[0]);
                ratios.put("vs_" + engine, ours / engines.get(engine)[0]);
            }
            Map<String, Object> workload = new LinkedHashMap<>();
            workload.put("name", entry.getKey());
            workload.put("figure", ours);
            workload.put("unit", "bars/s");
            workload.put("spread", List.of(engines.get("daytrade")[1], engines.get("daytrade")[2]));
            workload.put("baselines", baselines);
            workload.put("ratios", ratios);
            workloads.add(workload);
            out.printf(Locale.ROOT, "%-8s %14.0f %11.2fx %11.2fx %11.2fx   %.0f..%.0f%n", entry.getKey(), ours,
                    ratios.get("vs_plain_loop"), ratios.get("vs_talib"), ratios.get("vs_ta4j"),
                    engines.get("daytrade")[1], engines.get("daytrade")[2]);
            markdown.add(String.format(Locale.ROOT, "| kernels: %s | %.2f M bars/s | %.2fx plain loop, %.2fx TA-Lib, %.2fx ta4j | %s | %s |",
                    entry.getKey(), ours / 1e6, ratios.get("vs_plain_loop"), ratios.get("vs_talib"), ratios.get("vs_ta4j"),
                    machine, LocalDate.now()));
        }
        out.println();
        out.println("BENCHMARKS.md rows:");
        markdown.forEach(out::println);
        if (json != null) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("suite", "kernels");
            document.put("quick", quick);
            document.put("bars", bars);
            document.put("workloads", workloads);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), document);
            out.println("wrote " + json);
        }
        return 0;
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (var paths = java.nio.file.Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(path);
            }
        }
    }

    /** {median, min, max} of the measured iterations, as bars per second. */
    private static double[] barsPerSecond(RunResult result, int bars) {
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
            for (IterationResult iteration : benchmark.getIterationResults()) {
                scores.add(bars / (iteration.getPrimaryResult().getScore() * 1e-6)); // score: µs per pass
            }
        }
        scores.sort(null);
        double median = scores.size() % 2 == 1 ? scores.get(scores.size() / 2)
                : (scores.get(scores.size() / 2 - 1) + scores.get(scores.size() / 2)) / 2;
        return new double[] {median, scores.get(0), scores.get(scores.size() - 1)};
    }
}
