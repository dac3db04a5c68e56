package io.daytrade.jobs.walkforward;

import io.daytrade.backtest.ExecutionSettings;
import io.daytrade.backtest.ParameterGrid;
import io.daytrade.backtest.PerformanceMetrics;
import io.daytrade.backtest.SweepPlan;
import io.daytrade.jobs.ReportFiles;
import io.daytrade.jobs.ReportPage;
import io.daytrade.jobs.ReportSink;
import io.daytrade.jobs.backtest.BacktestReport;
import io.daytrade.jobs.sweep.ResultJson;
import io.daytrade.operators.sweep.WalkForwardResult;
import io.daytrade.schemas.DeadLetter;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A walk-forward's {@code walk-forward.json}, {@code windows.csv}, {@code equity.csv} and {@code report.html}.
 * Per symbol, the test slices' equity curves are stitched into one out-of-sample curve: each slice
 * starts from the equity the previous one ended with (its returns compound), and a slice is cut where
 * the next begins if {@code --step} is shorter than {@code --test}. The stitched curve's metrics stand
 * next to the mean of the windows' in-sample metrics.
 */
public final class WalkForwardReport implements ReportSink.Report<WalkForwardResult> {

    private static final long serialVersionUID = 1L;

    private final String out;
    private final SweepPlan plan;
    private final Map<String, Object> description;
    private final ExecutionSettings settings;
    private final String metric;

    /** @param description what the run was (strategy, grid, spans), written first in the JSON */
    public WalkForwardReport(String out, SweepPlan plan, Map<String, Object> description, ExecutionSettings settings,
            String metric) {
        this.out = out;
        this.plan = plan;
        this.description = new LinkedHashMap<>(description);
        this.settings = settings;
        this.metric = metric;
    }

    /** One symbol's stitched out-of-sample backtest. */
    record Stitched(long[] times, double[] equity, PerformanceMetrics metrics) {}

    @Override
    public void write(List<WalkForwardResult> records, List<DeadLetter> deadLetters) throws IOException {
        Map<String, List<WalkForwardResult>> bySymbol = new TreeMap<>();
        records.stream().sorted(Comparator.comparingInt(r -> r.window))
                .forEach(r -> bySymbol.computeIfAbsent(r.symbol, s -> new ArrayList<>()).add(r));

        Map<String, Object> json = new LinkedHashMap<>(description);
        json.put("metric", metric);
        json.put("better", PerformanceMetrics.lowerIsBetter(metric) ? "lower" : "higher");
        json.put("parameter_sets", plan.parameterSets().length);
        json.put("skipped", plan.skippedCount());
        json.put("settings", BacktestReport.settings(settings));
        Map<String, Object> symbols = new LinkedHashMap<>();
        StringBuilder windowsCsv = new StringBuilder("symbol,window,train_start,train_end,test_start,test_end,train_bars,test_bars");
        plan.names().forEach(n -> windowsCsv.append(',').append(n));
        windowsCsv.append(",in_sample_").append(metric).append(",out_of_sample_").append(metric)
                .append(",out_of_sample_total_return\n");
        StringBuilder equityCsv = new StringBuilder("ts,symbol,equity\n");
        ReportPage page = new ReportPage("Walk-forward: " + description.get("strategy"));
        page.paragraph("grid " + description.get("grid") + "; train " + description.get("train") + ", test "
                + description.get("test") + ", step " + description.get("step") + "; parameters chosen by " + metric);
        List<String> names = new ArrayList<>();
        List<long[]> times = new ArrayList<>();
        List<double[]> curves = new ArrayList<>();
        List<List<String>> summaryRows = new ArrayList<>();

        for (Map.Entry<String, List<WalkForwardResult>> entry : bySymbol.entrySet()) {
            String symbol = entry.getKey();
            List<WalkForwardResult> windows = entry.getValue();
            Stitched stitched = stitch(windows);
            Map<String, Object> inSampleMean = inSampleMean(windows);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("windows", windows.stream().map(this::window).toList());
            result.put("in_sample_mean", inSampleMean);
            result.put("out_of_sample", BacktestReport.json(stitched.metrics()));
            symbols.put(symbol, result);

            for (WalkForwardResult w : windows) {
                windowsCsv.append(symbol).append(',').append(w.window).append(',').append(w.trainStart).append(',')
                        .append(w.trainEnd).append(',').append(w.trainEnd).append(',').append(w.testEnd).append(',')
                        .append(w.trainBars).append(',').append(w.testBars);
                for (int i = 0; i < plan.names().size(); i++) {
                    windowsCsv.append(',').append(w.parameterSet < 0 ? "" : ParameterGrid.format(plan.parameterSets()[w.parameterSet][i]));
                }
                int m = PerformanceMetrics.names().indexOf(metric);
                windowsCsv.append(',').append(w.inSample == null ? "" : cell(w.inSample[m])).append(',')
                        .append(cell(w.outOfSample[m])).append(',').append(cell(w.outOfSample[0])).append('\n');
            }
            for (int i = 0; i < stitched.times().length; i++) {
                equityCsv.append(stitched.times()[i]).append(',').append(symbol).append(',').append(stitched.equity()[i]).append('\n');
            }
            names.add(symbol);
            times.add(stitched.times());
            curves.add(stitched.equity());
            summaryRows.add(List.of(symbol, Integer.toString(windows.size()),
                    number(inSampleMean.get(metric)), number(stitched.metrics().value(metric)),
                    percent(stitched.metrics().totalReturn()), percent(stitched.metrics().maxDrawdown()),
                    Long.toString(stitched.metrics().trades())));
        }
        json.put("symbols", symbols);
        json.put("rejected_input", ReportFiles.deadLetterSummary(deadLetters));

        page.heading("In sample against out of sample");
        page.table(List.of("symbol", "windows", "in-sample " + metric + " (mean)", "out-of-sample " + metric,
                "out-of-sample return", "max drawdown", "trades"), summaryRows);
        page.heading("Stitched out-of-sample equity");
        page.lineChart("each test slice starts from the equity the previous one ended with", names, times, curves);
        page.heading("Windows");
        List<List<String>> windowRows = new ArrayList<>();
        for (var entry : bySymbol.entrySet()) {
            for (WalkForwardResult w : entry.getValue()) {
                int m = PerformanceMetrics.names().indexOf(metric);
                windowRows.add(List.of(entry.getKey(), Integer.toString(w.window),
                        ReportPage.day(w.trainStart) + " – " + ReportPage.day(w.trainEnd),
                        ReportPage.day(w.trainEnd) + " – " + ReportPage.day(w.testEnd),
                        ResultJson.parameters(plan, w.parameterSet).toString(),
                        w.inSample == null ? "–" : ReportPage.number(w.inSample[m]), ReportPage.number(w.outOfSample[m])));
            }
        }
        page.table(List.of("symbol", "window", "train", "test", "chosen", "in-sample " + metric, "out-of-sample " + metric),
                windowRows);

        ReportFiles files = new ReportFiles(out);
        files.json("walk-forward.json", json);
        files.text("windows.csv", windowsCsv.toString());
        files.text("equity.csv", equityCsv.toString());
        files.text("report.html", page.html());
        if (!deadLetters.isEmpty()) {
            files.deadLetters(deadLetters);
        }
    }

    private Stitched stitch(List<WalkForwardResult> windows) {
        double capital = settings.capital();
        double scale = 1;
        List<Long> times = new ArrayList<>();
        List<Double> equity = new ArrayList<>();
        List<Double> pnl = new ArrayList<>();
        double notional = 0;
        double fees = 0;
        double exposedBars = 0;
        for (int k = 0; k < windows.size(); k++) {
            WalkForwardResult w = windows.get(k);
            long cut = k + 1 < windows.size() ? windows.get(k + 1).trainEnd : Long.MAX_VALUE;
            int kept = 0;
            while (kept < w.times.length && w.times[kept] < cut) {
                times.add(w.times[kept]);
                equity.add(w.equity[kept] * scale);
                kept++;
            }
            for (double p : w.tradePnl) {
                pnl.add(p * scale);
            }
            notional += w.tradedNotional * scale;
            fees += w.feesPaid * scale;
            exposedBars += w.exposure * kept;
            if (kept > 0) {
                scale *= w.equity[kept - 1] / capital;
            }
        }
        double[] curve = equity.stream().mapToDouble(Double::doubleValue).toArray();
        PerformanceMetrics metrics = PerformanceMetrics.of(capital, settings.periodsPerYear(), curve,
                pnl.stream().mapToDouble(Double::doubleValue).toArray(), curve.length == 0 ? 0 : exposedBars / curve.length,
                notional, fees);
        return new Stitched(times.stream().mapToLong(Long::longValue).toArray(), curve, metrics);
    }

    private Map<String, Object> inSampleMean(List<WalkForwardResult> windows) {
        Map<String, Object> mean = new LinkedHashMap<>();
        List<String> names = PerformanceMetrics.names();
        for (int m = 0; m < names.size(); m++) {
            int index = m;
            double value = windows.stream().filter(w -> w.inSample != null).mapToDouble(w -> w.inSample[index])
                    .filter(v -> !Double.isNaN(v) && !Double.isInfinite(v)).average().orElse(Double.NaN);
            mean.put(names.get(m), Double.isNaN(value) ? null : value);
        }
        return mean;
    }

    /** In a fixed order: {@code Map.of} iterates in an order that changes from one JVM to the next. */
    private static Map<String, Object> slice(long from, long to, long bars) {
        Map<String, Object> slice = new LinkedHashMap<>();
        slice.put("from", Instant.ofEpochMilli(from).toString());
        slice.put("to", Instant.ofEpochMilli(to).toString());
        slice.put("bars", bars);
        return slice;
    }

    private Map<String, Object> window(WalkForwardResult w) {
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("window", w.window);
        window.put("train", slice(w.trainStart, w.trainEnd, w.trainBars));
        window.put("test", slice(w.trainEnd, w.testEnd, w.testBars));
        window.put("parameters", w.parameterSet < 0 ? null : ResultJson.parameters(plan, w.parameterSet));
        window.put("in_sample", w.inSample == null ? null : ResultJson.metrics(w.inSample));
        window.put("out_of_sample", ResultJson.metrics(w.outOfSample));
        return window;
    }

    private static String cell(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "" : Double.toString(value);
    }

    private static String number(Object value) {
        return value instanceof Number n ? ReportPage.number(n.doubleValue()) : "–";
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "–" : String.format(java.util.Locale.ROOT, "%.2f%%", value * 100);
    }
}
