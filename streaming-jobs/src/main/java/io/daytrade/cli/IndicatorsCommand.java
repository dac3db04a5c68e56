package io.daytrade.cli;

import io.daytrade.indicators.IndicatorSet;
import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.jobs.AnalyticsPipeline;
import io.daytrade.jobs.BoundedJob;
import io.daytrade.jobs.csv.CsvOutput;
import io.daytrade.schemas.IndicatorValues;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "indicators",
        description = "Compute TA-Lib-compatible indicators per symbol over bars, or over ticks aggregated"
                + " into bars first (a Flink job in BATCH mode).",
        footer = {"", "Indicators: sma ema wma dema tema trima kama rsi macd stoch cci willr roc mom mfi adx",
                "plus_di minus_di aroon bbands stddev atr natr trange obv ad vwap; parameters in parentheses,",
                "TA-Lib's defaults when left out. Columns: name_params[_suffix], e.g. macd_12_26_9_signal.",
                "Output header: ts,symbol[,interval],<columns>; one row per bar, empty until a value exists."})
final class IndicatorsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    BarInput input;

    @Option(names = "--interval", paramLabel = "1m[,5m,...]", description = "Bar intervals, with --ticks.")
    String interval;

    @Option(names = "--indicators", required = true, paramLabel = "LIST",
            description = "E.g. \"sma(20),rsi(14),macd(12,26,9)\".")
    String indicators;

    @Option(names = "--out", required = true, paramLabel = "IND.csv", description = "File to write.")
    Path out;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "0",
            description = "Subtasks per operator (default: the number of cores).")
    int parallelism;

    @Override
    public Integer call() throws Exception {
        List<IndicatorSpec> specs = Inputs.indicators(indicators);
        Inputs.outputFile(out);
        long started = System.nanoTime();
        BoundedJob job = new BoundedJob(parallelism);

        BarInput.Loaded bars = input.load(job, interval);
        SingleOutputStreamOperator<IndicatorValues> values =
                AnalyticsPipeline.indicators(bars.bars(), specs, bars.source());
        job.collectDeadLetters(values);
        BoundedJob.Result<IndicatorValues> result =
                job.run(values, new AvroTypeInfo<>(IndicatorValues.class), "daytrade indicators");

        CsvOutput.writeIndicators(out, result.records(), new IndicatorSet(specs).columns(), bars.intervalOrder(),
                bars.withInterval());
        return Summary.report(spec, result, out, "row", started);
    }
}
