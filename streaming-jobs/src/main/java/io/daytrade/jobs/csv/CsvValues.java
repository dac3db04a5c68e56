package io.daytrade.jobs.csv;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/** Cell parsing with messages that say which column was wrong and why. */
final class CsvValues {

    private CsvValues() {}

    private static final java.util.regex.Pattern EPOCH_MILLIS = java.util.regex.Pattern.compile("-?[0-9]{1,19}");

    /** Epoch milliseconds, or an ISO-8601 instant such as {@code 2024-01-02T14:30:00Z}. */
    static long timestamp(String column, String text) {
        try {
            if (EPOCH_MILLIS.matcher(text).matches()) {
                return Long.parseLong(text);
            }
            return Instant.parse(text).toEpochMilli();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(column + " '" + text
                    + "' is neither epoch milliseconds nor an ISO-8601 instant like 2024-01-02T14:30:00Z");
        }
    }

    static double number(String column, String text) {
        double value;
        try {
            // The same doubles as Double.parseDouble, several times faster on the 17-digit numbers that
            // tools write (Double.toString, pandas): parsing was most of a sweep's reading of its file.
            value = JavaDoubleParser.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + text + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(column + " '" + text + "' is not a finite number");
        }
        return value;
    }
}
