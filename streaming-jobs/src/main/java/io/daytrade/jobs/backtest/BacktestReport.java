package io.daytrade.jobs.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.daytrade.backtest.ExecutionSettings;
import io.daytrade.backtest.PerformanceMetrics;
import io.daytrade.operators.backtest.BacktestFunction;
import io.daytrade.operators.backtest.SymbolBacktest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes a backtest's {@code report.json}, {@code trades.csv}, {@code signals.csv} and {@code equity.csv}. With one symbol
 * the metrics are top-level keys of the report; with several, each symbol's are under {@code symbols}
 * and {@code aggregate} holds those of the symbols' equity curves added up (each symbol being an
 * independent backtest with its own capital; a symbol counts at its capital before its first bar).
 * A {@code --portfolio} backtest reports like one symbol named {@code portfolio}, with {@code
 * "portfolio": true}; its trades and signals keep their symbols.
 */
public final class BacktestReport {

    private BacktestReport() {}

    public static Map<String, Object> write(Path dir, String strategy, ExecutionSettings settings,
            List<SymbolBacktest> results) throws IOException {
        return write(dir, strategy, settings, results, null);
    }

    /** @param rejected what the job rejected ({@code ReportFiles.deadLetterSummary}), or null to leave it out */
    public static Map<String, Object> write(Path dir, String strategy, ExecutionSettings settings,
            List<SymbolBacktest> results, Map<String, Object> rejected) throws IOException {
        Files.createDirectories(dir);
        List<SymbolBacktest> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing(r -> r.symbol));

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("strategy", strategy);
        report.put("settings", settings(settings));
        if (sorted.size() == 1) {
            SymbolBacktest only = sorted.get(0);
            report.put("symbol", only.symbol);
            report.put("portfolio", only.symbol.equals(BacktestFunction.PORTFOLIO) && only.closes == null);
            report.put("bars", only.equity.length);
            report.putAll(json(metrics(settings, only)));
        } else {
            Map<String, Object> symbols = new LinkedHashMap<>();
            for (SymbolBacktest result : sorted) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("bars", result.equity.length);
                entry.putAll(json(metrics(settings, result)));
                symbols.put(result.symbol, entry);
            }
            report.put("symbols", symbols);
            report.put("aggregate", json(aggregate(settings, sorted)));
        }
        if (rejected != null) {
            report.put("rejected_input", rejected);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("report.json").toFile(), report);

        try (BufferedWriter trades = Files.newBufferedWriter(dir.resolve("trades.csv"), StandardCharsets.UTF_8)) {
            trades.write("symbol,side,entry_time,exit_time,quantity,entry_price,exit_price,pnl,fees,exit_reason\n");
            for (SymbolBacktest result : sorted) {
                for (String row : result.tradeRows) {
                    trades.write(row + "\n");
                }
            }
        }
        try (BufferedWriter signals = Files.newBufferedWriter(dir.resolve("signals.csv"), StandardCharsets.UTF_8)) {
            signals.write("ts,symbol,strategy_id,side\n");
            for (SymbolBacktest result : sorted) {
                for (String row : result.signalRows) {
                    signals.write(row + "\n");
                }
            }
        }
        try (BufferedWriter equity = Files.newBufferedWriter(dir.resolve("equity.csv"), StandardCharsets.UTF_8)) {
            equity.write("ts,symbol,equity\n");
            for (SymbolBacktest result : sorted) {
                for (int i = 0; i < result.times.length; i++) {
                    equity.write(result.times[i] + "," + result.symbol + "," + result.equity[i] + "\n");
                }
            }
        }
        return report;
    }

    static PerformanceMetrics metrics(ExecutionSettings settings, SymbolBacktest result) {
        return PerformanceMetrics.of(settings.capital(), settings.periodsPerYear(), result.equity, result.tradePnl,
                result.exposure, result.tradedNotional, result.feesPaid);
    }

    static PerformanceMetrics aggregate(ExecutionSettings settings, List<SymbolBacktest> results) {
        TreeSet<Long> times = new TreeSet<>();
        results.forEach(r -> {
            for (long t : r.times) {
                times.add(t);
            }
        });
        double[] total = new double[times.size()];
        for (SymbolBacktest result : results) {
            int next = 0;
            double last = settings.capital();
            int i = 0;
            for (long t : times) {
                while (next < result.times.length && result.times[next] <= t) {
                    last = result.equity[next++];
                }
                total[i++] += last;
            }
        }
        double exposure = results.stream().mapToDouble(r -> r.exposure).average().orElse(0);
        return PerformanceMetrics.of(settings.capital() * results.size(), settings.periodsPerYear(), total,
                results.stream().flatMapToDouble(r -> java.util.Arrays.stream(r.tradePnl)).toArray(), exposure,
                results.stream().mapToDouble(r -> r.tradedNotional).sum(),
                results.stream().mapToDouble(r -> r.feesPaid).sum());
    }

    /** The settings as report.json shows them. */
    public static Map<String, Object> settings(ExecutionSettings s) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("capital", s.capital());
        map.put("fee_bps", s.feeBps());
        map.put("slippage_bps", s.slippageBps());
        map.put("position", Double.isNaN(s.quantity()) ? "fraction=" + s.fraction() : "qty=" + s.quantity());
        map.put("allow_short", s.allowShort());
        map.put("stop_loss_pct", Double.isNaN(s.stopLossPct()) ? null : s.stopLossPct());
        map.put("take_profit_pct", Double.isNaN(s.takeProfitPct()) ? null : s.takeProfitPct());
        map.put("periods_per_year", s.periodsPerYear());
        map.put("fills", "decided at a bar's close, filled at the next bar's open");
        return map;
    }

    /** NaN (a ratio without a denominator) becomes null: JSON has no NaN. */
    public static Map<String, Object> json(PerformanceMetrics metrics) {
        Map<String, Object> map = new LinkedHashMap<>();
        metrics.asMap().forEach((key, value) -> map.put(key,
                value instanceof Double d && (d.isNaN() || d.isInfinite()) ? null : value));
        return map;
    }
}
