package io.daytrade.jobs.sweep;

import io.daytrade.backtest.ExecutionSettings;
import io.daytrade.backtest.ParameterGrid;
import io.daytrade.backtest.PerformanceMetrics;
import io.daytrade.backtest.SweepPlan;
import io.daytrade.jobs.LinesInBlocks;
import io.daytrade.jobs.ReportFiles;
import io.daytrade.jobs.ReportSink;
import io.daytrade.jobs.backtest.BacktestReport;
import io.daytrade.operators.sweep.SweepResult;
import io.daytrade.schemas.DeadLetter;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * A sweep's {@code results.csv} (one row per symbol and parameter set, sorted by symbol and then grid
 * order, so the file is the same at any parallelism) and {@code summary.json} (what was evaluated and
 * skipped, the best rows by the chosen metric and, with several symbols, the parameter sets with the
 * best mean across symbols), and {@code dead-letters.csv} if input was rejected.
 */
public final class SweepReport implements ReportSink.Report<SweepResult> {

    private static final long serialVersionUID = 1L;

    private final String out;
    private final SweepPlan plan;
    private final String grid;
    private final ExecutionSettings settings;
    private final String metric;
    private final int top;
    private final Map<String, Object> sampling;

    /** @param sampling how the parameter sets were chosen, for the summary ({@code random}, {@code seed}) */
    public SweepReport(String out, SweepPlan plan, String grid, ExecutionSettings settings, String metric, int top,
            Map<String, Object> sampling) {
        this.out = out;
        this.plan = plan;
        this.grid = grid;
        this.settings = settings;
        this.metric = metric;
        this.top = top;
        this.sampling = new LinkedHashMap<>(sampling);
    }

    @Override
    public void write(List<SweepResult> records, List<DeadLetter> deadLetters) throws IOException {
        List<SweepResult> rows = inGridOrder(records);
        ReportFiles files = new ReportFiles(out);
        files.text("results.csv", file -> csv(rows, file));
        files.json("summary.json", summary(rows, deadLetters));
        if (!deadLetters.isEmpty()) {
            files.deadLetters(deadLetters);
        }
    }

    /**
     * By symbol, then in grid order: each row put in its parameter set's place (a sweep writes a row per
     * symbol and set, hundreds of thousands) instead of sorted by comparison.
     */
    private List<SweepResult> inGridOrder(List<SweepResult> records) {
        Map<String, SweepResult[]> bySymbol = new TreeMap<>();
        for (SweepResult record : records) {
            SweepResult[] bySet = bySymbol.computeIfAbsent(record.symbol, s -> new SweepResult[plan.parameterSets().length]);
            if (bySet[record.parameterSet] != null) {
                throw new IllegalStateException("two results for " + record.symbol + " and set " + record.parameterSet);
            }
            bySet[record.parameterSet] = record;
        }
        List<SweepResult> rows = new ArrayList<>(records.size());
        for (SweepResult[] bySet : bySymbol.values()) {
            for (SweepResult row : bySet) {
                if (row != null) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private void csv(List<SweepResult> rows, Writer csv) throws IOException {
        List<String> names = PerformanceMetrics.names();
        csv.write("symbol");
        for (String name : plan.names()) {
            csv.append(',').append(name);
        }
        for (String name : names) {
            csv.append(',').append(name);
        }
        csv.append('\n');
        // Written once the backtests are over: their cores make the lines.
        LinesInBlocks.write(rows, (row, line) -> {
            line.append(row.symbol);
            for (double value : plan.parameterSets()[row.parameterSet]) {
                line.append(',').append(ParameterGrid.format(value));
            }
            for (int m = 0; m < names.size(); m++) {
                line.append(',').append(cell(names.get(m), row.metrics[m]));
            }
            line.append('\n');
        }, csv, Runtime.getRuntime().availableProcessors());
    }

    /** An exact decimal of the double, a whole number for counts, empty for NaN (report.json's null). */
    static String cell(String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        // The shortest decimal that reads back as the same double (Schubfach, as Double.toString from Java
        // 19): Java 17's Double.toString was a third of writing a sweep's results, in one thread.
        return PerformanceMetrics.isCount(name) ? Long.toString((long) value) : NumberOutput.toString(value, true);
    }

    /**
     * The {@code top} rows with the best defined value of metric {@code m}, best first, a tie in row
     * order: what a stable sort of all the rows would put first, kept as they come.
     */
    private List<SweepResult> best(List<SweepResult> rows, int m, boolean lowerIsBetter) {
        List<SweepResult> best = new ArrayList<>(top + 1);
        for (SweepResult row : rows) {
            double value = row.metrics[m];
            if (Double.isNaN(value)) {
                continue;
            }
            int at = best.size(); // after every row it does not beat
            while (at > 0 && beats(value, best.get(at - 1).metrics[m], lowerIsBetter)) {
                at--;
            }
            if (at < top) {
                best.add(at, row);
                if (best.size() > top) {
                    best.remove(top);
                }
            }
        }
        return best;
    }

    /** Per parameter set, metric {@code m} of each of its rows, in row order; null for a set with none. */
    private double[][] valuesBySet(List<SweepResult> rows, int m) {
        int[] counts = new int[plan.parameterSets().length];
        rows.forEach(row -> counts[row.parameterSet]++);
        double[][] values = new double[counts.length][];
        int[] filled = new int[counts.length];
        for (SweepResult row : rows) {
            int set = row.parameterSet;
            if (values[set] == null) {
                values[set] = new double[counts[set]];
            }
            values[set][filled[set]++] = row.metrics[m];
        }
        return values;
    }

    private static boolean beats(double value, double other, boolean lowerIsBetter) {
        return lowerIsBetter ? Double.compare(value, other) < 0 : Double.compare(value, other) > 0;
    }

    private Map<String, Object> summary(List<SweepResult> rows, List<DeadLetter> rejected) {
        int m = PerformanceMetrics.names().indexOf(metric);
        Comparator<Double> better = PerformanceMetrics.lowerIsBetter(metric)
                ? Comparator.naturalOrder() : Comparator.reverseOrder();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("strategy", plan.strategy());
        summary.put("grid", grid);
        summary.putAll(sampling);
        summary.put("metric", metric);
        summary.put("better", PerformanceMetrics.lowerIsBetter(metric) ? "lower" : "higher");
        summary.put("combinations", plan.considered());
        summary.put("skipped", plan.skippedCount());
        summary.put("skipped_reasons", plan.skipped());
        summary.put("parameter_sets", plan.parameterSets().length);
        summary.put("symbols", rows.stream().map(r -> r.symbol).distinct().count());
        summary.put("evaluated", rows.size());
        summary.put("bar_evaluations", rows.stream().mapToLong(r -> r.bars).sum());
        summary.put("rejected_input", ReportFiles.deadLetterSummary(rejected));
        summary.put("settings", BacktestReport.settings(settings));

        List<SweepResult> ranked = best(rows, m, PerformanceMetrics.lowerIsBetter(metric));
        List<Map<String, Object>> best = new ArrayList<>();
        for (SweepResult row : ranked) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("rank", best.size() + 1);
            entry.put("symbol", row.symbol);
            entry.put("parameters", ResultJson.parameters(plan, row.parameterSet));
            entry.put("metrics", ResultJson.metrics(row.metrics));
            best.add(entry);
        }
        summary.put("top", best);

        // Each set's mean over its symbols: computed for every set, written out for the best few.
        double[][] valuesBySet = valuesBySet(rows, m);
        double[] means = new double[valuesBySet.length];
        List<Integer> bestSets = new ArrayList<>();
        for (int set = 0; set < valuesBySet.length; set++) {
            if (valuesBySet[set] != null) {
                means[set] = Arrays.stream(valuesBySet[set]).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
                if (!Double.isNaN(means[set])) {
                    bestSets.add(set);
                }
            }
        }
        bestSets.sort(Comparator.comparing((Integer set) -> means[set], better)); // stable: ties in set order
        List<Map<String, Object>> sets = new ArrayList<>();
        for (int set : bestSets.subList(0, Math.min(top, bestSets.size()))) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("parameters", ResultJson.parameters(plan, set));
            entry.put("mean_" + metric, means[set]);
            entry.put("symbols", valuesBySet[set].length);
            sets.add(entry);
        }
        summary.put("top_parameter_sets", sets);
        return summary;
    }


}
