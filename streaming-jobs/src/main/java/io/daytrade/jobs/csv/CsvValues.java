package io.daytrade.jobs.csv;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/** Cell parsing with messages that say which column was wrong and why. */
final class CsvValues {

    private CsvValues() {}

    /** Epoch milliseconds, or an ISO-8601 instant such as {@code 2024-01-02T14:30:00Z}. */
    static long timestamp(String column, String text) {
        try {
            if (isEpochMillis(text)) {
                return Long.parseLong(text);
            }
            return Instant.parse(text).toEpochMilli();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(column + " '" + text
                    + "' is neither epoch milliseconds nor an ISO-8601 instant like 2024-01-02T14:30:00Z");
        }
    }

    /** {@code -?[0-9]{1,19}}, without a regular expression: a file has a timestamp on every line. */
    private static boolean isEpochMillis(String text) {
        int start = !text.isEmpty() && text.charAt(0) == '-' ? 1 : 0;
        int digits = text.length() - start;
        if (digits < 1 || digits > 19) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
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
