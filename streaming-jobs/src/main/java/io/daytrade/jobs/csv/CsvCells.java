package io.daytrade.jobs.csv;

/**
 * A data line's cells as ranges of its text, each trimmed as {@link String#trim} trims, read without a
 * String per cell: splitting made an array and a String for every cell of every line, a tenth of all
 * that a sweep allocated, for numbers that are parsed and dropped. Reused from line to line by one
 * parser; not for concurrent use.
 */
final class CsvCells {

    private final int width;
    private final int[] starts;
    private final int[] ends;
    private final RepeatedStrings repeated = new RepeatedStrings();
    private String text;

    /** @param width the number of cells of the header, which every line must have */
    CsvCells(int width) {
        this.width = width;
        this.starts = new int[width];
        this.ends = new int[width];
    }

    /**
     * Finds the cells of {@code line}.
     *
     * @throws IllegalArgumentException if it has a different number of cells than the header
     */
    void read(String line) {
        int cells = 0;
        int start = 0;
        while (true) {
            int comma = line.indexOf(',', start);
            int end = comma < 0 ? line.length() : comma;
            if (cells < width) {
                starts[cells] = start;
                ends[cells] = end;
            }
            cells++;
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        if (cells != width) {
            throw new IllegalArgumentException("has " + cells + " cells, the header has " + width);
        }
        for (int i = 0; i < width; i++) {
            int from = starts[i];
            int to = ends[i];
            while (from < to && line.charAt(from) <= ' ') {
                from++;
            }
            while (to > from && line.charAt(to - 1) <= ' ') {
                to--;
            }
            starts[i] = from;
            ends[i] = to;
        }
        this.text = line;
    }

    boolean isEmpty(int position) {
        return starts[position] == ends[position];
    }

    /** The cell's text. */
    String string(int position) {
        return text.substring(starts[position], ends[position]);
    }

    /**
     * The cell's text, one String for all equal cells (symbols and intervals repeat on every line of a
     * file, and each bar would otherwise carry its own copy).
     */
    String repeatedString(int position) {
        return repeated.of(text, starts[position], ends[position]);
    }

    /** @throws IllegalArgumentException naming {@code column} if the cell is not a finite number */
    double number(String column, int position) {
        return CsvValues.number(column, text, starts[position], ends[position]);
    }

    /** @throws IllegalArgumentException naming {@code column} if the cell is not a timestamp */
    long timestamp(String column, int position) {
        return CsvValues.timestamp(column, text, starts[position], ends[position]);
    }
}
