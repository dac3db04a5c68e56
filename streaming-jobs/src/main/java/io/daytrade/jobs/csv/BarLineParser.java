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

    public BarLineParser(CsvLayout layout) {
        this.layout = layout;
    }

    @Override
    public void processElement(SourceLine line, Context ctx, Collector<Bar> out) {
        Bar bar;
        try {
            String[] cells = layout.split(line.text);
            String symbol = layout.cell(cells, "symbol");
            if (symbol.isEmpty()) {
                ctx.output(DeadLetters.TAG, DeadLetters.ofText(line.file, line.line, line.text,
                        DeadLetters.MISSING_SYMBOL, "bar has no symbol"));
                return;
            }
            long start = CsvValues.timestamp("ts", layout.cell(cells, "ts"));
            bar = Bar.newBuilder()
                    .setSymbol(symbol)
                    .setInterval(layout.has("interval") ? layout.cell(cells, "interval") : "")
                    .setWindowStart(Instant.ofEpochMilli(start))
                    .setWindowEnd(Instant.ofEpochMilli(start))
                    .setOpen(CsvValues.number("open", layout.cell(cells, "open")))
                    .setHigh(CsvValues.number("high", layout.cell(cells, "high")))
                    .setLow(CsvValues.number("low", layout.cell(cells, "low")))
                    .setClose(CsvValues.number("close", layout.cell(cells, "close")))
                    .setVolume(CsvValues.number("volume", layout.cell(cells, "volume")))
                    .setTickCount(0)
                    .setVwap(0)
                    .setLastTickArrival(null) // set, so that build() does not look up the schema's default per line
                    .build();
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
