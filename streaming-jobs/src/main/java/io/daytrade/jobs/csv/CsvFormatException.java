package io.daytrade.jobs.csv;

/** A problem with an input file that the user must fix; the message names the file (and line). */
public final class CsvFormatException extends RuntimeException {

    public CsvFormatException(String message) {
        super(message);
    }
}
