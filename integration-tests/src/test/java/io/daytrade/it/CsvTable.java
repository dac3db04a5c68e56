package io.daytrade.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An output file read back: its header and rows of cells. */
final class CsvTable {

    final List<String> header;
    final List<String[]> rows;

    private CsvTable(List<String> header, List<String[]> rows) {
        this.header = header;
        this.rows = rows;
    }

    static CsvTable read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", -1));
        }
        return new CsvTable(Arrays.asList(lines.get(0).split(",")), rows);
    }

    int column(String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + header);
        }
        return index;
    }

    List<String[]> rowsOf(String symbol) {
        return rows.stream().filter(r -> r[1].equals(symbol)).toList();
    }
}
