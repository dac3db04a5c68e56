package io.daytrade.jobs.csv;

import io.daytrade.schemas.Bar;
import io.daytrade.schemas.IndicatorValues;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes results as CSV sorted by symbol, then time (then interval, in the order given), so the same
 * input gives the same file at any parallelism. Numbers keep full double precision; an indicator
 * without a value yet is an empty cell.
 */
public final class CsvOutput {

    /** Columns after {@code ts,symbol[,interval]} in a bar file the project writes. */
    public static final List<String> BAR_COLUMNS = List.of("open", "high", "low", "close", "volume", "vwap", "tick_count");

    private CsvOutput() {}

    public static void writeBars(Path out, List<Bar> bars, List<String> intervalOrder, boolean withInterval)
            throws IOException {
        List<Bar> sorted = new ArrayList<>(bars);
        sorted.sort(Comparator.comparing(Bar::getSymbol)
                .thenComparing(Bar::getWindowStart)
                .thenComparingInt(b -> intervalOrder.indexOf(b.getInterval()))
                .thenComparing(Bar::getInterval));
        try (BufferedWriter writer = open(out)) {
            writer.write(header(withInterval, BAR_COLUMNS));
            for (Bar bar : sorted) {
                StringBuilder line = start(bar.getWindowStart().toEpochMilli(), bar.getSymbol(), bar.getInterval(),
                        withInterval);
                line.append(',').append(bar.getOpen())
                        .append(',').append(bar.getHigh())
                        .append(',').append(bar.getLow())
                        .append(',').append(bar.getClose())
                        .append(',').append(bar.getVolume())
                        .append(',').append(bar.getVwap())
                        .append(',').append(bar.getTickCount())
                        .append('\n');
                writer.write(line.toString());
            }
        }
    }

    public static void writeIndicators(Path out, List<IndicatorValues> rows, List<String> columns,
            List<String> intervalOrder, boolean withInterval) throws IOException {
        List<IndicatorValues> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(IndicatorValues::getSymbol)
                .thenComparing(IndicatorValues::getBarTime)
                .thenComparingInt(r -> intervalOrder.indexOf(r.getInterval()))
                .thenComparing(IndicatorValues::getInterval));
        try (BufferedWriter writer = open(out)) {
            writer.write(header(withInterval, columns));
            for (IndicatorValues row : sorted) {
                StringBuilder line = start(row.getBarTime().toEpochMilli(), row.getSymbol(), row.getInterval(),
                        withInterval);
                for (String column : columns) {
                    Double value = row.getValues().get(column);
                    line.append(',');
                    if (value != null) {
                        line.append(value.doubleValue());
                    }
                }
                writer.write(line.append('\n').toString());
            }
        }
    }

    private static BufferedWriter open(Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.newBufferedWriter(out, StandardCharsets.UTF_8);
    }

    private static String header(boolean withInterval, List<String> columns) {
        return "ts,symbol" + (withInterval ? ",interval" : "") + "," + String.join(",", columns) + "\n";
    }

    private static StringBuilder start(long ts, String symbol, String interval, boolean withInterval) {
        StringBuilder line = new StringBuilder(128).append(ts).append(',').append(symbol);
        if (withInterval) {
            line.append(',').append(interval);
        }
        return line;
    }
}
