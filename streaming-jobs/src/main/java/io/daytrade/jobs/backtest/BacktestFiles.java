package io.daytrade.jobs.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.daytrade.backtest.ExecutionSettings;
import io.daytrade.jobs.ReportFiles;
import io.daytrade.jobs.ReportSink;
import io.daytrade.operators.backtest.SymbolBacktest;
import io.daytrade.schemas.DeadLetter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A backtest's files, written by the job's last operator: {@code report.json} (with what input was
 * rejected), {@code report.html}, {@code trades.csv}, {@code signals.csv}, {@code equity.csv}, and
 * {@code dead-letters.csv} if input was rejected. Without any bar, {@code report.json} says so with
 * {@code "bars": 0}. Written to a local or mounted path (a cluster's shared volume).
 */
public final class BacktestFiles implements ReportSink.Report<SymbolBacktest> {

    private static final long serialVersionUID = 1L;

    private final String out;
    private final String strategy;
    private final ExecutionSettings settings;

    public BacktestFiles(String out, String strategy, ExecutionSettings settings) {
        this.out = out;
        this.strategy = strategy;
        this.settings = settings;
    }

    @Override
    public void write(List<SymbolBacktest> records, List<DeadLetter> deadLetters) throws IOException {
        Path dir = Path.of(out);
        Map<String, Object> rejected = ReportFiles.deadLetterSummary(deadLetters);
        if (!deadLetters.isEmpty()) {
            new ReportFiles(out).deadLetters(deadLetters);
        }
        if (records.isEmpty()) {
            Files.createDirectories(dir);
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("strategy", strategy);
            report.put("settings", BacktestReport.settings(settings));
            report.put("bars", 0);
            report.put("rejected_input", rejected);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("report.json").toFile(), report);
            return;
        }
        Map<String, Object> report = BacktestReport.write(dir, strategy, settings, records, rejected);
        BacktestHtml.write(dir.resolve("report.html"), report, records);
    }
}
