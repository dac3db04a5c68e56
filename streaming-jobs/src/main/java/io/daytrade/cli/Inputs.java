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

    static Path outputFile(Path out) {
        if (Files.isDirectory(out)) {
            throw new UserError("--out " + out + ": is a directory; give a file name");
        }
        return out;
    }
}
