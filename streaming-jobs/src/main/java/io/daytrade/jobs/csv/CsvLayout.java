package io.daytrade.jobs.csv;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.io.BufferedReader;

/**
 * Where each known column is in a file, read from its header line. Checked before a job starts, so a
 * missing or unknown column is one clear error instead of a failed job.
 */
public final class CsvLayout implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The tick file format: {@code ts,symbol,price,size}, optionally {@code exchange,trade_id}. */
    public static final List<String> TICK_REQUIRED = List.of("ts", "symbol", "price", "size");
    public static final List<String> TICK_OPTIONAL = List.of("exchange", "trade_id");
    /** The bar file format: {@code ts,symbol,open,high,low,close,volume}, optionally {@code interval}. */
    public static final List<String> BAR_REQUIRED = List.of("ts", "symbol", "open", "high", "low", "close", "volume");
    public static final List<String> BAR_OPTIONAL = List.of("interval");

    private final Map<String, Integer> positions;
    private final int width;

    private CsvLayout(Map<String, Integer> positions, int width) {
        this.positions = positions;
        this.width = width;
    }

    /** Reads the header of a tick file; any column outside the format is an error. */
    public static CsvLayout forTicks(Path file) {
        return read(file, TICK_REQUIRED, TICK_OPTIONAL, false);
    }

    /** Reads the header of a bar file; unknown extra columns are allowed and ignored. */
    public static CsvLayout forBars(Path file) {
        return read(file, BAR_REQUIRED, BAR_OPTIONAL, true);
    }

    static CsvLayout read(Path file, List<String> required, List<String> optional, boolean extrasAllowed) {
        String header;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            header = reader.readLine();
        } catch (NoSuchFileException e) {
            throw new CsvFormatException(file + ": no such file");
        } catch (IOException e) {
            throw new CsvFormatException(file + ": cannot read: " + e.getMessage());
        }
        if (Files.isDirectory(file)) {
            throw new CsvFormatException(file + ": is a directory, not a CSV file");
        }
        if (header == null || header.isBlank()) {
            throw new CsvFormatException(file + ": line 1: empty file; expected a header line "
                    + String.join(",", required));
        }
        String[] names = header.replace("\uFEFF", "").split(",", -1);
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i].trim().toLowerCase(Locale.ROOT);
            boolean known = required.contains(name) || optional.contains(name);
            if (!known && !extrasAllowed) {
                throw new CsvFormatException(String.format("%s: line 1: unknown column '%s'; expected %s%s",
                        file, names[i].trim(), String.join(",", required),
                        optional.isEmpty() ? "" : " and optionally " + String.join(",", optional)));
            }
            if (known && positions.put(name, i) != null) {
                throw new CsvFormatException(file + ": line 1: column '" + name + "' appears twice");
            }
        }
        List<String> missing = new ArrayList<>(required);
        missing.removeAll(positions.keySet());
        if (!missing.isEmpty()) {
            throw new CsvFormatException(String.format("%s: line 1: missing column%s %s; the header must name %s",
                    file, missing.size() > 1 ? "s" : "", String.join(",", missing), String.join(",", required)));
        }
        return new CsvLayout(positions, names.length);
    }

    public boolean has(String column) {
        return positions.containsKey(column);
    }

    /** A reader of this layout's data lines, for one parser to reuse line after line. */
    CsvCells cells() {
        return new CsvCells(width);
    }

    /** Where {@code column} is in a line's cells, or -1 if the file has no such column. */
    public int position(String column) {
        return positions.getOrDefault(column, -1);
    }

    public Set<String> columns() {
        return positions.keySet();
    }

    @Override
    public String toString() {
        return Arrays.toString(positions.keySet().toArray());
    }
}
