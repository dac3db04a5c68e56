package io.daytrade.cli;

import io.daytrade.backtest.ExecutionSettings;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Option;

/** How a simulated account trades: the options {@code backtest}, {@code sweep} and {@code walk-forward} share. */
final class ExecutionOptions {

    private static final double YEAR_MILLIS = 365 * 86_400_000.0;

    @Option(names = "--capital", defaultValue = "100000", description = "Starting capital (default 100000).")
    double capital;

    @Option(names = "--fee-bps", defaultValue = "0", description = "Fee on filled notional, basis points (default 0).")
    double feeBps;

    @Option(names = "--slippage-bps", defaultValue = "0", description = "Slippage against the trader, basis points (default 0).")
    double slippageBps;

    @Option(names = "--position", defaultValue = "fraction=1.0", paramLabel = "fraction=F|qty=N",
            description = "Size of a new position: a fraction of equity (default fraction=1.0) or a fixed quantity.")
    String position;

    @Option(names = "--allow-short", description = "A sell signal opens a short (default: long only).")
    boolean allowShort;

    @Option(names = "--stop-loss-pct", paramLabel = "F", description = "e.g. 0.05: close 5%% against the entry.")
    Double stopLossPct;

    @Option(names = "--take-profit-pct", paramLabel = "F", description = "e.g. 0.1: close 10%% in favour.")
    Double takeProfitPct;

    @Option(names = "--periods-per-year", paramLabel = "N",
            description = "Bars per year for annualised metrics (default: 365 days / the bar spacing; 252 for"
                    + " daily equity bars is this flag).")
    Double periodsPerYear;

    /** The settings, with the periods per year inferred from the input unless given. */
    ExecutionSettings settings(BarInput input, String interval) throws IOException {
        double fraction = 1.0;
        double quantity = Double.NaN;
        String[] kv = position.split("=", -1);
        try {
            if (kv.length == 2 && kv[0].trim().equals("fraction")) {
                fraction = Double.parseDouble(kv[1].trim());
            } else if (kv.length == 2 && kv[0].trim().equals("qty")) {
                quantity = Double.parseDouble(kv[1].trim());
            } else {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new UserError("--position must be fraction=F or qty=N, got '" + position + "'");
        }
        double perYear = periodsPerYear != null ? periodsPerYear : inferPeriodsPerYear(input, interval);
        try {
            return new ExecutionSettings(capital, feeBps, slippageBps, fraction, quantity, allowShort,
                    stopLossPct == null ? Double.NaN : stopLossPct,
                    takeProfitPct == null ? Double.NaN : takeProfitPct, perYear);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** 365 days over the bar spacing: the interval for ticks, the median gap between a symbol's bars for a file. */
    private static double inferPeriodsPerYear(BarInput input, String interval) throws IOException {
        if (input.ticks != null) {
            return interval == null ? 252 : YEAR_MILLIS / Inputs.intervals(interval).get(0).millis();
        }
        Map<String, Long> last = new HashMap<>();
        List<Long> gaps = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(Inputs.existingFile(input.bars, "--bars"),
                StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            List<String> names = header == null ? List.of() : Arrays.asList(header.split(","));
            int ts = names.indexOf("ts");
            int symbol = names.indexOf("symbol");
            String line;
            while ((line = reader.readLine()) != null && gaps.size() < 20_000 && ts >= 0 && symbol >= 0) {
                String[] cells = line.split(",");
                try {
                    long time = Long.parseLong(cells[ts].trim());
                    Long previous = last.put(cells[symbol], time);
                    if (previous != null && time > previous) {
                        gaps.add(time - previous);
                    }
                } catch (RuntimeException ignored) {
                    // Unusable lines are reported by the job itself.
                }
            }
        }
        if (gaps.isEmpty()) {
            return 252;
        }
        gaps.sort(null);
        return YEAR_MILLIS / gaps.get(gaps.size() / 2);
    }
}
