package io.daytrade.jobs.csv;

import io.daytrade.schemas.Tick;

import java.time.Instant;

/**
 * Lines of a tick file as {@link Tick}s: the line number becomes the tick's sequence. One reader per
 * parser, reused line after line; not for concurrent use.
 */
public final class TickCsv {

    private final CsvCells cells;
    private final int tsAt;
    private final int symbolAt;
    private final int priceAt;
    private final int sizeAt;
    private final int exchangeAt;
    private final int tradeIdAt;

    public TickCsv(CsvLayout layout) {
        this.cells = layout.cells();
        this.tsAt = layout.position("ts");
        this.symbolAt = layout.position("symbol");
        this.priceAt = layout.position("price");
        this.sizeAt = layout.position("size");
        this.exchangeAt = layout.position("exchange");
        this.tradeIdAt = layout.position("trade_id");
    }

    /** @throws IllegalArgumentException saying which cell is wrong */
    public Tick parse(SourceLine line) {
        cells.read(line.text);
        return Tick.newBuilder()
                .setEventTime(Instant.ofEpochMilli(cells.timestamp("ts", tsAt)))
                .setSymbol(cells.repeatedString(symbolAt))
                .setPrice(cells.number("price", priceAt))
                .setSize(cells.number("size", sizeAt))
                .setExchange(optional(exchangeAt))
                .setTradeId(optional(tradeIdAt))
                .setSequence(line.line)
                .build();
    }

    private String optional(int position) {
        return position < 0 || cells.isEmpty(position) ? null : cells.string(position);
    }
}
