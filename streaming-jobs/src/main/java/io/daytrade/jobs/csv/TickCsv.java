package io.daytrade.jobs.csv;

import io.daytrade.schemas.Tick;

import java.time.Instant;

/** One line of a tick file as a {@link Tick}: the line number becomes its sequence. */
public final class TickCsv {

    private TickCsv() {}

    /** @throws IllegalArgumentException saying which cell is wrong */
    public static Tick parse(CsvLayout layout, SourceLine line) {
        String[] cells = layout.split(line.text);
        return Tick.newBuilder()
                .setEventTime(Instant.ofEpochMilli(CsvValues.timestamp("ts", layout.cell(cells, "ts"))))
                .setSymbol(layout.cell(cells, "symbol"))
                .setPrice(CsvValues.number("price", layout.cell(cells, "price")))
                .setSize(CsvValues.number("size", layout.cell(cells, "size")))
                .setExchange(optional(layout, cells, "exchange"))
                .setTradeId(optional(layout, cells, "trade_id"))
                .setSequence(line.line)
                .build();
    }

    private static String optional(CsvLayout layout, String[] cells, String column) {
        if (!layout.has(column)) {
            return null;
        }
        String value = layout.cell(cells, column);
        return value.isEmpty() ? null : value;
    }
}
