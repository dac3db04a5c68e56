package io.daytrade.jobs.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.daytrade.operators.backtest.SymbolBacktest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page (no network, no libraries) with, per symbol, the price with
 * entry and exit markers, the equity curve and the drawdown, and the metrics table. The data is embedded
 * as JSON; a small script draws SVG charts from it and marks the page {@code data-rendered} when done.
 */
public final class BacktestHtml {

    /** Charts stay readable and the page small: longer series are thinned to this many points. */
    private static final int MAX_POINTS = 2_000;

    private BacktestHtml() {}

    public static void write(Path file, Map<String, Object> report, List<SymbolBacktest> results) throws IOException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("report", report);
        List<Map<String, Object>> symbols = new ArrayList<>();
        for (SymbolBacktest result : results.stream().sorted((a, b) -> a.symbol.compareTo(b.symbol)).toList()) {
            symbols.add(series(result));
        }
        data.put("symbols", symbols);
        String template;
        try (InputStream in = BacktestHtml.class.getResourceAsStream("/report/backtest.html")) {
            if (in == null) {
                throw new IOException("the report template is missing from the jar; rebuild with mvn install");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String json = new ObjectMapper().writeValueAsString(data).replace("</", "<\\/");
        Files.writeString(file, template.replace("/*DATA*/{}", json).replace("{{TITLE}}",
                escape(String.valueOf(report.get("strategy")))));
    }

    private static Map<String, Object> series(SymbolBacktest result) throws JsonProcessingException {
        int n = result.times.length;
        int step = Math.max(1, (int) Math.ceil(n / (double) MAX_POINTS));
        List<Long> times = new ArrayList<>();
        List<Double> closes = new ArrayList<>();
        List<Double> equity = new ArrayList<>();
        for (int i = 0; i < n; i += step) {
            times.add(result.times[i]);
            equity.add(result.equity[i]);
            if (result.closes != null) {
                closes.add(result.closes[i]);
            }
        }
        if ((n - 1) % step != 0) {
            times.add(result.times[n - 1]);
            equity.add(result.equity[n - 1]);
            if (result.closes != null) {
                closes.add(result.closes[n - 1]);
            }
        }
        List<List<Object>> trades = new ArrayList<>();
        for (String row : result.tradeRows) {
            String[] c = row.split(",");
            trades.add(List.of(c[1], Long.parseLong(c[2]), Long.parseLong(c[3]), Double.parseDouble(c[5]),
                    Double.parseDouble(c[6]), Double.parseDouble(c[7])));
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("symbol", result.symbol);
        map.put("times", times);
        map.put("closes", result.closes == null ? null : closes);
        map.put("equity", equity);
        map.put("trades", trades);
        return map;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
