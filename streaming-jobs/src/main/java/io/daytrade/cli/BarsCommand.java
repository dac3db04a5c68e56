package io.daytrade.cli;

import io.daytrade.jobs.BoundedJob;
import io.daytrade.jobs.csv.CsvOutput;
import io.daytrade.operators.bars.BarInterval;
import io.daytrade.operators.bars.BarTypeInfo;
import io.daytrade.schemas.Bar;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bars",
        description = "Aggregate a tick file into OHLCV bars of one or more intervals (a Flink job in BATCH mode).",
        footer = {"", "Ticks file header: ts,symbol,price,size (optionally exchange,trade_id).",
                "Output header: ts,symbol[,interval],open,high,low,close,volume,vwap,tick_count;",
                "the interval column appears when several intervals are given."})
final class BarsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--ticks", required = true, paramLabel = "TICKS.csv", description = "Tick file to read.")
    Path ticks;

    @Option(names = "--interval", required = true, paramLabel = "1m[,5m,...]",
            description = "Bar intervals: a whole number and s, m, h or d, comma separated.")
    String interval;

    @Option(names = "--out", required = true, paramLabel = "BARS.csv", description = "File to write.")
    Path out;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "0",
            description = "Subtasks per operator (default: the number of cores).")
    int parallelism;

    @Override
    public Integer call() throws Exception {
        List<BarInterval> intervals = Inputs.intervals(interval);
        Inputs.outputFile(out);
        long started = System.nanoTime();

        BoundedJob job = new BoundedJob(parallelism);
        SingleOutputStreamOperator<Bar> bars = BarInput.fromTicks(job, ticks, intervals);
        BoundedJob.Result<Bar> result = job.run(bars, new BarTypeInfo(), "daytrade bars");

        List<String> labels = intervals.stream().map(BarInterval::label).toList();
        CsvOutput.writeBars(out, result.records(), labels, intervals.size() > 1);
        return Summary.report(spec, result, out, "bar", started);
    }
}
