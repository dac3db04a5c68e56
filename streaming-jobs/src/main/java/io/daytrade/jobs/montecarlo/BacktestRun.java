package io.daytrade.jobs.montecarlo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A finished backtest read back from its directory ({@code report.json}, {@code trades.csv},
 * {@code equity.csv}): the returns a Monte Carlo resamples.
 * <ul>
 *   <li>A trade's return is its profit over its account's equity at the close before its entry (the
 *       symbol's own account, or the portfolio's); trades are ordered by exit time.</li>
 *   <li>Bar returns are those of the accounts' equity added up per timestamp (each account counting at
 *       its capital before its first bar), as report.json's aggregate does.</li>
 * </ul>
 *
 * @param capital the total starting capital of the accounts
 * @param barsPerYear the backtest's periods per year
 * @param tradesPerYear trades per year over the backtest's length
 */
public record BacktestRun(String strategy, double capital, double barsPerYear, double tradesPerYear,
        double[] tradeReturns, double[] barReturns) {

    /** @throws IllegalArgumentException naming the file that is missing or malformed */
    public static BacktestRun read(Path dir) throws IOException {
        Path reportFile = need(dir, "report.json");
        JsonNode report = new ObjectMapper().readTree(reportFile.toFile());
        JsonNode settings = report.path("settings");
        if (!settings.path("capital").isNumber() || !settings.path("periods_per_year").isNumber()) {
            throw new IllegalArgumentException(reportFile + " has no settings.capital and settings.periods_per_year;"
                    + " is it a report of bin/daytrade backtest?");
        }
        double capital = settings.path("capital").asDouble();
        double perYear = settings.path("periods_per_year").asDouble();
        boolean portfolio = report.path("portfolio").asBoolean(false);

        Map<String, TreeMap<Long, Double>> equity = new TreeMap<>();
        List<String[]> equityRows = rows(need(dir, "equity.csv"), "ts", "symbol", "equity");
        for (String[] row : equityRows) {
            equity.computeIfAbsent(row[1], s -> new TreeMap<>()).put(Long.parseLong(row[0]), Double.parseDouble(row[2]));
        }
        List<String[]> trades = new ArrayList<>(rows(need(dir, "trades.csv"), "symbol", "entry_time", "exit_time", "pnl"));
        trades.sort(Comparator.comparingLong((String[] t) -> Long.parseLong(t[2])).thenComparing(t -> t[0]));
        double[] tradeReturns = new double[trades.size()];
        for (int i = 0; i < trades.size(); i++) {
            String[] t = trades.get(i);
            TreeMap<Long, Double> account = equity.get(portfolio ? "portfolio" : t[0]);
            Map.Entry<Long, Double> before = account == null ? null : account.lowerEntry(Long.parseLong(t[1]));
            tradeReturns[i] = Double.parseDouble(t[3]) / (before == null ? capital : before.getValue());
        }

        TreeSet<Long> times = new TreeSet<>();
        equity.values().forEach(series -> times.addAll(series.keySet()));
        double total = capital * equity.size();
        double[] barReturns = new double[times.size()];
        double previous = total;
        int i = 0;
        for (long time : times) {
            double sum = 0;
            for (TreeMap<Long, Double> series : equity.values()) {
                Map.Entry<Long, Double> last = series.floorEntry(time);
                sum += last == null ? capital : last.getValue();
            }
            barReturns[i++] = sum / previous - 1;
            previous = sum;
        }
        double years = times.size() / perYear;
        return new BacktestRun(report.path("strategy").asText("?"), total, perYear,
                years > 0 ? trades.size() / years : 1, tradeReturns, barReturns);
    }

    private static Path need(Path dir, String name) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(dir + " has no " + name + "; give the --out directory of a backtest");
        }
        return file;
    }

    /** The named columns of a CSV file without quoted cells, as bin/daytrade writes them. */
    private static List<String[]> rows(Path file, String... columns) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = lines.isEmpty() ? List.of() : Arrays.asList(lines.get(0).split(","));
        int[] index = new int[columns.length];
        for (int c = 0; c < columns.length; c++) {
            index[c] = header.indexOf(columns[c]);
            if (index[c] < 0) {
                throw new IllegalArgumentException(file + " has no column " + columns[c]);
            }
        }
        List<String[]> rows = new ArrayList<>();
        for (int l = 1; l < lines.size(); l++) {
            String[] cells = lines.get(l).split(",", -1);
            String[] row = new String[columns.length];
            for (int c = 0; c < columns.length; c++) {
                if (index[c] >= cells.length) {
                    throw new IllegalArgumentException(file + ":" + (l + 1) + ": too few cells");
                }
                row[c] = cells[index[c]];
            }
            rows.add(row);
        }
        return rows;
    }
}
