package io.daytrade.jobs.csv;

import io.daytrade.operators.deadletters.DeadLetters;
import io.daytrade.schemas.Bar;

import java.time.Instant;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns lines of a bar file into {@link Bar}s. A file without an {@code interval} column is one
 * series per symbol, labelled with an empty interval. Unusable lines go to the dead letters.
 */
public final class BarLineParser extends ProcessFunction<SourceLine, Bar> {

    private static final long serialVersionUID = 1L;

    private final CsvLayout layout;
    // Looked up once: a lookup by name per cell was a large part of reading a file.
    private final int symbolAt;
    private final int intervalAt;
    private final int tsAt;
    private final int openAt;
    private final int highAt;
    private final int lowAt;
    private final int closeAt;
    private final int volumeAt;
    private transient CsvCells cells;

    public BarLineParser(CsvLayout layout) {
        this.layout = layout;
        this.symbolAt = layout.position("symbol");
        this.intervalAt = layout.position("interval");
        this.tsAt = layout.position("ts");
        this.openAt = layout.position("open");
        this.highAt = layout.position("high");
        this.lowAt = layout.position("low");
        this.closeAt = layout.position("close");
        this.volumeAt = layout.position("volume");
    }

    @Override
    public void processElement(SourceLine line, Context ctx, Collector<Bar> out) {
        Bar bar;
        try {
            if (cells == null) {
                cells = layout.cells();
            }
            cells.read(line.text);
            if (cells.isEmpty(symbolAt)) {
                ctx.output(DeadLetters.TAG, DeadLetters.ofText(line.file, line.line, line.text,
                        DeadLetters.MISSING_SYMBOL, "bar has no symbol"));
                return;
            }
            Instant start = Instant.ofEpochMilli(cells.timestamp("ts", tsAt));
            // Every field set, without a builder: Avro's builder costs more than the rest of the line.
            bar = new Bar();
            bar.setSymbol(cells.repeatedString(symbolAt));
            bar.setInterval(intervalAt >= 0 ? cells.repeatedString(intervalAt) : "");
            bar.setWindowStart(start);
            bar.setWindowEnd(start);
            bar.setOpen(cells.number("open", openAt));
            bar.setHigh(cells.number("high", highAt));
            bar.setLow(cells.number("low", lowAt));
            bar.setClose(cells.number("close", closeAt));
            bar.setVolume(cells.number("volume", volumeAt));
            bar.setTickCount(0L);
            bar.setVwap(0.0);
            bar.setLastTickArrival(null);
        } catch (IllegalArgumentException e) {
            ctx.output(DeadLetters.TAG,
                    DeadLetters.ofText(line.file, line.line, line.text, DeadLetters.MALFORMED, e.getMessage()));
            return;
        }
        String problem = problem(bar);
        if (problem != null) {
            ctx.output(DeadLetters.TAG,
                    DeadLetters.ofText(line.file, line.line, line.text, DeadLetters.INVALID_BAR, problem));
            return;
        }
        bar.setVwap(bar.getClose());
        out.collect(bar);
    }

    private static String problem(Bar bar) {
        if (bar.getVolume() < 0) {
            return "volume must be zero or more, got " + bar.getVolume();
        }
        if (bar.getLow() > bar.getHigh()) {
            return "low " + bar.getLow() + " is above high " + bar.getHigh();
        }
        return null;
    }
}
