package io.daytrade.jobs.csv;

import io.daytrade.operators.deadletters.DeadLetters;
import io.daytrade.operators.validation.TickValidator;
import io.daytrade.schemas.Tick;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns lines of a tick file into {@link Tick}s. The line number becomes the tick's sequence, which
 * orders ticks with equal times as the file does. Unusable lines go to the dead letters.
 */
public final class TickLineParser extends ProcessFunction<SourceLine, Tick> {

    private static final long serialVersionUID = 1L;

    private final CsvLayout layout;
    private transient TickCsv reader;

    public TickLineParser(CsvLayout layout) {
        this.layout = layout;
    }

    @Override
    public void processElement(SourceLine line, Context ctx, Collector<Tick> out) {
        Tick tick;
        try {
            if (reader == null) {
                reader = new TickCsv(layout);
            }
            tick = reader.parse(line);
        } catch (IllegalArgumentException e) {
            ctx.output(DeadLetters.TAG,
                    DeadLetters.ofText(line.file, line.line, line.text, DeadLetters.MALFORMED, e.getMessage()));
            return;
        }
        TickValidator.Problem problem = TickValidator.check(tick);
        if (problem != null) {
            ctx.output(DeadLetters.TAG,
                    DeadLetters.ofText(line.file, line.line, line.text, problem.reason(), problem.detail()));
            return;
        }
        out.collect(tick);
    }
}
