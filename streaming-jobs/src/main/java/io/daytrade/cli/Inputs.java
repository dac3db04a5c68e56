package io.daytrade.cli;

import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.operators.bars.BarInterval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks of command-line values that turn a mistake into a {@link UserError} before any job starts. */
final class Inputs {

    private Inputs() {}

    static Path existingFile(Path file, String option) {
        if (!Files.exists(file)) {
            throw new UserError(option + " " + file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserError(option + " " + file + ": not a regular file");
        }
        return file;
    }

    static List<BarInterval> intervals(String text) {
        try {
            return BarInterval.parseList(text);
        } catch (IllegalArgumentException e) {
            throw new UserError("--interval: " + e.getMessage());
        }
    }

    static List<IndicatorSpec> indicators(String text) {
        try {
            return IndicatorSpec.parseList(text);
        } catch (IllegalArgumentException e) {
            throw new UserError("--indicators: " + e.getMessage());
        }
    }

    /** The distinct values of a CSV file's {@code symbol} column, sorted. */
    static List<String> symbols(Path file, String option) {
        try (var lines = Files.lines(existingFile(file, option))) {
            var iterator = lines.iterator();
            List<String> header = iterator.hasNext() ? List.of(iterator.next().split(",")) : List.of();
            int column = header.indexOf("symbol");
            if (column < 0) {
                throw new UserError(option + " " + file + ": no 'symbol' column in the header " + header);
            }
            java.util.TreeSet<String> symbols = new java.util.TreeSet<>();
            iterator.forEachRemaining(line -> {
                String[] cells = line.split(",", -1);
                if (cells.length > column && !cells[column].isBlank()) {
                    symbols.add(cells[column].trim());
                }
            });
            return List.copyOf(symbols);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw new UserError(option + " " + file + ": " + e.getMessage());
        }
    }

    /** A comma-separated list, trimmed, without empty items. */
    static List<String> list(String text) {
        return text == null ? List.of()
                : java.util.Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static Path outputFile(Path out) {
        if (Files.isDirectory(out)) {
            throw new UserError("--out " + out + ": is a directory; give a file name");
        }
        return out;
    }
}
