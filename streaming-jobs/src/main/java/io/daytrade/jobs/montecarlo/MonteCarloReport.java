package io.daytrade.jobs.montecarlo;

import io.daytrade.backtest.MonteCarlo;
import io.daytrade.jobs.ReportFiles;
import io.daytrade.jobs.ReportPage;
import io.daytrade.jobs.ReportSink;
import io.daytrade.operators.montecarlo.MonteCarloPath;
import io.daytrade.schemas.DeadLetter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A Monte Carlo's {@code monte-carlo.json} (percentiles 5, 25, 50, 75 and 95 of final equity, max
 * drawdown and Sharpe, the probability of loss, and where the backtest itself stands),
 * {@code paths.csv} (one row per path, by index) and {@code report.html} (a histogram of each).
 */
public final class MonteCarloReport implements ReportSink.Report<MonteCarloPath> {

    private static final long serialVersionUID = 1L;
    private static final double[] PERCENTILES = {5, 25, 50, 75, 95};

    private final String out;
    private final Map<String, Object> description;
    private final double capital;
    private final MonteCarlo.Path original;

    public MonteCarloReport(String out, Map<String, Object> description, double capital, MonteCarlo.Path original) {
        this.out = out;
        this.description = new LinkedHashMap<>(description);
        this.capital = capital;
        this.original = original;
    }

    @Override
    public void write(List<MonteCarloPath> records, List<DeadLetter> deadLetters) throws IOException {
        List<MonteCarloPath> paths = new ArrayList<>(records);
        paths.sort(Comparator.comparingLong(p -> p.index));
        Map<String, Object> json = new LinkedHashMap<>(description);
        json.put("capital", capital);
        json.put("paths", paths.size());
        Map<String, Object> percentiles = new LinkedHashMap<>();
        double[] finalEquity = column(paths, p -> p.finalEquity);
        double[] drawdown = column(paths, p -> p.maxDrawdown);
        double[] sharpe = column(paths, p -> p.sharpe);
        percentiles.put("final_equity", percentiles(finalEquity));
        percentiles.put("max_drawdown", percentiles(drawdown));
        percentiles.put("sharpe", percentiles(sharpe));
        json.put("percentiles", percentiles);
        long losses = paths.stream().filter(p -> p.finalEquity < capital).count();
        json.put("probability_of_loss", paths.isEmpty() ? null : (double) losses / paths.size());
        Map<String, Object> backtest = new LinkedHashMap<>();
        backtest.put("final_equity", finite(original.finalEquity()));
        backtest.put("max_drawdown", finite(original.maxDrawdown()));
        backtest.put("sharpe", finite(original.sharpe()));
        json.put("backtest", backtest);

        StringBuilder csv = new StringBuilder("path,final_equity,max_drawdown,sharpe\n");
        for (MonteCarloPath p : paths) {
            csv.append(p.index).append(',').append(p.finalEquity).append(',').append(p.maxDrawdown).append(',')
                    .append(Double.isNaN(p.sharpe) ? "" : Double.toString(p.sharpe)).append('\n');
        }

        ReportPage page = new ReportPage("Monte Carlo: " + description.get("strategy"));
        page.paragraph(paths.size() + " paths by " + description.get("method") + (description.get("block") == null ? ""
                : " (blocks of " + description.get("block") + " bars)") + ", seed " + description.get("seed")
                + "; probability of loss " + String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * losses / Math.max(1, paths.size())));
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("final equity", finalEquity, original.finalEquity()));
        rows.add(row("max drawdown", drawdown, original.maxDrawdown()));
        rows.add(row("sharpe", sharpe, original.sharpe()));
        page.table(List.of("", "p5", "p25", "p50", "p75", "p95", "backtest"), rows);
        histogram(page, "Final equity", finalEquity, original.finalEquity());
        histogram(page, "Max drawdown", drawdown, original.maxDrawdown());
        histogram(page, "Sharpe", sharpe, original.sharpe());

        ReportFiles files = new ReportFiles(out);
        files.json("monte-carlo.json", json);
        files.text("paths.csv", csv.toString());
        files.text("report.html", page.html());
    }

    private static void histogram(ReportPage page, String title, double[] values, double backtest) {
        page.heading(title);
        page.histogram("paths per bin; dashed: p5, p50, p95 and the backtest itself", values, 50,
                List.of("p5", "p50", "p95", "backtest"), new double[] {MonteCarlo.percentile(values, 5),
                        MonteCarlo.percentile(values, 50), MonteCarlo.percentile(values, 95), backtest});
    }

    private static List<String> row(String name, double[] values, double backtest) {
        List<String> row = new ArrayList<>(List.of(name));
        for (double p : PERCENTILES) {
            row.add(ReportPage.number(MonteCarlo.percentile(values, p)));
        }
        row.add(ReportPage.number(backtest));
        return row;
    }

    private static Map<String, Object> percentiles(double[] values) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (double p : PERCENTILES) {
            map.put("p" + (int) p, finite(MonteCarlo.percentile(values, p)));
        }
        return map;
    }

    private static Object finite(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }

    private static double[] column(List<MonteCarloPath> paths, ToDoubleFunction<MonteCarloPath> field) {
        return paths.stream().mapToDouble(field).toArray();
    }
}
