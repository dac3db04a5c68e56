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
        // Setters rather than Avro's builder (its construction and checks, per tick); the cells in this order
        // so that an error names the first wrong one as before.
        Tick tick = new Tick();
        tick.setEventTime(Instant.ofEpochMilli(cells.timestamp("ts", tsAt)));
        tick.setSymbol(cells.repeatedString(symbolAt));
        tick.setPrice(cells.number("price", priceAt));
        tick.setSize(cells.number("size", sizeAt));
        tick.setExchange(optional(exchangeAt));
        tick.setTradeId(optional(tradeIdAt));
        tick.setSequence(line.line);
        return tick;
    }

    private String optional(int position) {
        return position < 0 || cells.isEmpty(position) ? null : cells.string(position);
    }
}
