package io.daytrade.jobs.crossasset;

import io.daytrade.jobs.ReportFiles;
import io.daytrade.jobs.ReportSink;
import io.daytrade.schemas.CrossAsset;
import io.daytrade.schemas.DeadLetter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bounded cross-asset output: {@code correlations.csv} (per bar time, one row of the correlation
 * matrix per symbol), {@code beta.csv} with a benchmark, {@code factors.csv} with factors, and
 * {@code summary.json}. Rows are ordered by time, then by the order of the symbol set.
 */
public final class CrossAssetCsv implements ReportSink.Report<CrossAsset> {

    private static final long serialVersionUID = 1L;

    private final String out;
    private final List<String> symbols;
    private final int window;
    private final String benchmark;
    private final List<String> factors;

    public CrossAssetCsv(String out, List<String> symbols, int window, String benchmark, List<String> factors) {
        this.out = out;
        this.symbols = List.copyOf(symbols);
        this.window = window;
        this.benchmark = benchmark;
        this.factors = List.copyOf(factors);
    }

    @Override
    public void write(List<CrossAsset> records, List<DeadLetter> deadLetters) throws IOException {
        List<CrossAsset> rows = new ArrayList<>(records);
        rows.sort(Comparator.comparing(CrossAsset::getBarTime).thenComparingInt(r -> symbols.indexOf(r.getSymbol().toString())));
        StringBuilder correlations = new StringBuilder("ts,symbol");
        symbols.forEach(s -> correlations.append(',').append(s));
        correlations.append('\n');
        StringBuilder betas = new StringBuilder("ts,symbol,benchmark,beta,correlation\n");
        StringBuilder regressions = new StringBuilder("ts,symbol,alpha");
        factors.forEach(f -> regressions.append(",beta_").append(f));
        regressions.append(",r_squared\n");
        for (CrossAsset row : rows) {
            long ts = row.getBarTime().toEpochMilli();
            correlations.append(ts).append(',').append(row.getSymbol());
            for (String other : symbols) {
                correlations.append(',').append(cell(row.getCorrelations().get(other)));
            }
            correlations.append('\n');
            if (benchmark != null) {
                betas.append(ts).append(',').append(row.getSymbol()).append(',').append(benchmark).append(',')
                        .append(cell(row.getBeta())).append(',').append(cell(row.getBenchmarkCorrelation())).append('\n');
            }
            if (!factors.isEmpty() && !factors.contains(row.getSymbol().toString())) {
                regressions.append(ts).append(',').append(row.getSymbol()).append(',').append(cell(row.getAlpha()));
                for (String factor : factors) {
                    regressions.append(',').append(cell(row.getFactorBetas().get(factor)));
                }
                regressions.append(',').append(cell(row.getRSquared())).append('\n');
            }
        }
        ReportFiles files = new ReportFiles(out);
        files.text("correlations.csv", correlations.toString());
        if (benchmark != null) {
            files.text("beta.csv", betas.toString());
        }
        if (!factors.isEmpty()) {
            files.text("factors.csv", regressions.toString());
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("symbols", symbols);
        summary.put("window", window);
        summary.put("benchmark", benchmark);
        summary.put("factors", factors);
        summary.put("times", rows.stream().map(CrossAsset::getBarTime).distinct().count());
        summary.put("rows", rows.size());
        summary.put("alignment", "returns between consecutive bar times at which every symbol has a bar;"
                + " a time where any symbol is missing is skipped");
        summary.put("rejected_input", ReportFiles.deadLetterSummary(deadLetters));
        files.json("summary.json", summary);
        if (!deadLetters.isEmpty()) {
            files.deadLetters(deadLetters);
        }
    }

    private static String cell(Double value) {
        return value == null ? "" : Double.toString(value);
    }
}
