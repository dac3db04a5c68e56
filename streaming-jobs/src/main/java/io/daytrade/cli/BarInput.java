package io.daytrade.cli;

import io.daytrade.jobs.AnalyticsPipeline;
import io.daytrade.jobs.BoundedJob;
import io.daytrade.jobs.csv.CsvLayout;
import io.daytrade.operators.bars.BarInterval;
import io.daytrade.schemas.Bar;

import java.nio.file.Path;
import java.util.List;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import picocli.CommandLine.Option;

/**
 * {@code --bars BARS.csv} or {@code --ticks TICKS.csv --interval ...}: the bars a bounded command works
 * on, read from a bar file or aggregated from ticks by the same operator as {@code bars}.
 */
final class BarInput {

    @Option(names = "--bars", required = true, paramLabel = "BARS.csv",
            description = "Bar file: ts,symbol,open,high,low,close,volume (extra columns ignored).")
    Path bars;

    @Option(names = "--ticks", required = true, paramLabel = "TICKS.csv",
            description = "Tick file to aggregate first (needs --interval).")
    Path ticks;

    /** The bars in a job, and how output should name their intervals. */
    record Loaded(DataStream<Bar> bars, List<String> intervalOrder, boolean withInterval, String source,
            List<BarInterval> intervals) {}

    /** Bars of a tick file, built by the same operator as the live job's; bad lines become dead letters. */
    static SingleOutputStreamOperator<Bar> fromTicks(BoundedJob job, Path ticks, List<BarInterval> intervals) {
        CsvLayout layout = CsvLayout.forTicks(Inputs.existingFile(ticks, "--ticks"));
        SingleOutputStreamOperator<Bar> bars =
                AnalyticsPipeline.bars(job.ticks(ticks, layout), intervals, true, ticks.toString());
        job.collectDeadLetters(bars);
        return bars;
    }

    /** The file given, as the user wrote it. */
    String source() {
        return ticks != null ? ticks.toString() : bars.toString();
    }

    Loaded load(BoundedJob job, String interval) {
        if (ticks != null) {
            if (interval == null) {
                throw new UserError("--ticks needs --interval, e.g. --interval 1m");
            }
            List<BarInterval> intervals = Inputs.intervals(interval);
            return new Loaded(fromTicks(job, ticks, intervals), intervals.stream().map(BarInterval::label).toList(),
                    intervals.size() > 1, ticks.toString(), intervals);
        }
        if (interval != null) {
            throw new UserError("--interval goes with --ticks; bars from --bars keep their own interval");
        }
        CsvLayout layout = CsvLayout.forBars(Inputs.existingFile(bars, "--bars"));
        return new Loaded(job.bars(bars, layout), List.of(), layout.has("interval"), bars.toString(), List.of());
    }
}
