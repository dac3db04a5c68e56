package io.daytrade.cli;

import io.daytrade.indicators.IndicatorSet;
import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.jobs.AnalyticsPipeline;
import io.daytrade.jobs.BoundedJob;
import io.daytrade.jobs.csv.CsvLayout;
import io.daytrade.jobs.csv.CsvOutput;
import io.daytrade.schemas.IndicatorValues;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo",
        description = "The live demo: start a local Kafka broker, replay real BTC-USD and ETH-USD 4h bars as a"
                + " tick stream, run the live job on an embedded Flink cluster (web UI on 127.0.0.1), and print"
                + " the signals as they arrive. Ctrl-C stops everything. With --batch: the indicator job over"
                + " the bundled bars in BATCH mode, and a summary.")
final class DemoCommand implements Callable<Integer> {

    static final String INDICATORS = "sma(20),ema(50),rsi(14),macd(12,26,9),bbands(20,2),atr(14),adx(14),obv,vwap";
    private static final List<String> SHOWN = List.of("rsi_14", "macd_12_26_9", "macd_12_26_9_signal", "adx_14",
            "atr_14");

    @Spec
    CommandSpec spec;

    @Option(names = "--batch", description = "Run the bounded indicator job instead (no Kafka).")
    boolean batch;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop after this many seconds (default: run until Ctrl-C).")
    long durationSeconds;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "500", description = "Ticks per second (default 500).")
    double rate;

    @Option(names = "--web-ui-port", paramLabel = "PORT", defaultValue = "8081", description = "Default 8081.")
    int webUiPort;

    @Option(names = "--out", paramLabel = "DIR",
            description = "With --batch: where to write the sample and the indicators (default: a temporary directory).")
    Path outDir;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "0",
            description = "Subtasks per operator (default: the number of cores).")
    int parallelism;

    @Override
    public Integer call() throws Exception {
        if (!batch) {
            if (rate <= 0) {
                throw new UserError("--rate must be positive, got " + rate);
            }
            Duration duration = durationSeconds > 0 ? Duration.ofSeconds(durationSeconds) : Duration.ofDays(365);
            return new LiveDemo(spec.commandLine().getOut(), duration, rate, webUiPort).run();
        }
        return batchDemo();
    }

    private int batchDemo() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = outDir != null ? Files.createDirectories(outDir) : Files.createTempDirectory("daytrade-demo-");
        Path bars = dir.resolve("sample-bars.csv");
        try (InputStream sample = DemoCommand.class.getResourceAsStream("/sample/bars.csv")) {
            if (sample == null) {
                throw new IllegalStateException("the demo sample is missing from the jar; rebuild with mvn install");
            }
            Files.copy(sample, bars, StandardCopyOption.REPLACE_EXISTING);
        }
        Path result = dir.resolve("indicators.csv");
        out.println("day-trade-flink demo: bars -> indicators on an embedded Flink cluster (BATCH mode)");
        out.println("  input:      " + bars);
        out.println("  indicators: " + INDICATORS);
        out.flush();

        long started = System.nanoTime();
        List<IndicatorSpec> specs = IndicatorSpec.parseList(INDICATORS);
        BoundedJob job = new BoundedJob(parallelism);
        SingleOutputStreamOperator<IndicatorValues> values = AnalyticsPipeline.indicators(
                job.bars(bars, CsvLayout.forBars(bars)), specs, bars.toString());
        job.collectDeadLetters(values);
        BoundedJob.Result<IndicatorValues> run =
                job.run(values, new AvroTypeInfo<>(IndicatorValues.class), "daytrade demo");
        CsvOutput.writeIndicators(result, run.records(), new IndicatorSet(specs).columns(), List.of(), false);

        printLatest(out, run.records());
        out.printf(Locale.ROOT, "%nwrote %d rows to %s in %.1f s%n", run.records().size(), result,
                (System.nanoTime() - started) / 1e9);
        out.println("next: bin/daytrade indicators --bars " + bars + " --indicators \"sma(10),kama(30)\" --out my.csv");
        out.flush();
        if (!run.deadLetters().isEmpty()) {
            DeadLetterReport.print(run.deadLetters(), spec.commandLine().getErr());
            return ExitCodes.REJECTED_INPUT;
        }
        return ExitCodes.OK;
    }

    private static void printLatest(PrintWriter out, List<IndicatorValues> rows) {
        Map<String, IndicatorValues> latest = rows.stream().collect(Collectors.toMap(
                IndicatorValues::getSymbol, Function.identity(),
                (a, b) -> a.getBarTime().isAfter(b.getBarTime()) ? a : b));
        Map<String, Long> counts = rows.stream().collect(Collectors.groupingBy(IndicatorValues::getSymbol,
                Collectors.counting()));
        out.println();
        out.printf(Locale.ROOT, "%-8s %6s  %-20s %12s", "symbol", "bars", "last bar (UTC)", "close");
        SHOWN.forEach(column -> out.printf(Locale.ROOT, " %20s", column));
        out.println();
        latest.values().stream().sorted(Comparator.comparing(IndicatorValues::getSymbol)).forEach(row -> {
            out.printf(Locale.ROOT, "%-8s %6d  %-20s %12.2f", row.getSymbol(), counts.get(row.getSymbol()),
                    Instant.ofEpochMilli(row.getBarTime().toEpochMilli()).toString().replace(":00Z", "Z"),
                    row.getClose());
            for (String column : SHOWN) {
                Double value = row.getValues().get(column);
                out.printf(Locale.ROOT, " %20s", value == null ? "-" : String.format(Locale.ROOT, "%.4f", value));
            }
            out.println();
        });
    }
}
