package io.daytrade.jobs.csv;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/** Cell parsing with messages that say which column was wrong and why. */
final class CsvValues {

    private CsvValues() {}

    /** Epoch milliseconds, or an ISO-8601 instant such as {@code 2024-01-02T14:30:00Z}. */
    static long timestamp(String column, String text) {
        return timestamp(column, text, 0, text.length());
    }

    /** {@link #timestamp(String, String)} of {@code text} from {@code from} to {@code to}. */
    static long timestamp(String column, String text, int from, int to) {
        try {
            if (isEpochMillis(text, from, to)) {
                return Long.parseLong(text, from, to, 10);
            }
            return Instant.parse(text.substring(from, to)).toEpochMilli();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(column + " '" + text.substring(from, to)
                    + "' is neither epoch milliseconds nor an ISO-8601 instant like 2024-01-02T14:30:00Z");
        }
    }

    /** {@code -?[0-9]{1,19}}, without a regular expression: a file has a timestamp on every line. */
    private static boolean isEpochMillis(String text, int from, int to) {
        int start = from < to && text.charAt(from) == '-' ? from + 1 : from;
        int digits = to - start;
        if (digits < 1 || digits > 19) {
            return false;
        }
        for (int i = start; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static double number(String column, String text) {
        return number(column, text, 0, text.length());
    }

    /** {@link #number(String, String)} of {@code text} from {@code from} to {@code to}. */
    static double number(String column, String text, int from, int to) {
        double value;
        try {
            // The same doubles as Double.parseDouble, several times faster on the 17-digit numbers that
            // tools write (Double.toString, pandas): parsing was most of a sweep's reading of its file.
            value = JavaDoubleParser.parseDouble(text, from, to - from);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + text.substring(from, to) + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(column + " '" + text.substring(from, to) + "' is not a finite number");
        }
        return value;
    }
}
