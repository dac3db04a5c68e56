package io.daytrade.cli;

import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.jobs.AnalyticsPipeline;
import io.daytrade.jobs.BoundedJob;
import io.daytrade.jobs.csv.CsvLayout;
import io.daytrade.jobs.live.ConfigLoader;
import io.daytrade.jobs.live.LiveAnalyticsJob;
import io.daytrade.jobs.live.LiveJobConfig;
import io.daytrade.jobs.live.RuleFile;
import io.daytrade.operators.bars.BarInterval;
import io.daytrade.operators.bars.BarTypeInfo;
import io.daytrade.schemas.Bar;
import io.daytrade.schemas.DeadLetter;
import io.daytrade.schemas.Tick;
import io.daytrade.signals.RuleDefinition;
import io.daytrade.state.savepoint.StateBootstrap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bootstrap-state",
        description = "Warm start: compute the live job's keyed state (indicators, signal-rule memory) from a history"
                + " of bars and write it as a savepoint, with Flink's State Processor API. Start the live job from it"
                + " (live --from-savepoint DIR, or submit --from-savepoint DIR live ...) and its first live bars"
                + " carry exactly the values a job that had processed the whole history would emit.",
        footer = {"", "The indicators, rules, bar intervals and max-parallelism come from --config (the live job's",
                "file): they must be those of the job that will start from the savepoint. A bar history should end",
                "where the live ticks begin, with complete bars (bars without an interval column take --interval);",
                "a tick history (--ticks, --until) may end in the middle of a bar."})
final class BootstrapStateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--bars", paramLabel = "HISTORY.csv", description = "Bar history: ts,symbol,open,high,low,close,volume.")
    Path bars;

    @Option(names = "--ticks", paramLabel = "TICKS.csv",
            description = "Tick history instead: bars are built as the live job builds them, and the ticks of the bar"
                    + " in progress at --until wait in the state for the live ticks of the same bar.")
    Path ticks;

    @Option(names = "--until", paramLabel = "EPOCH_MS|ISO",
            description = "With --ticks: where the live stream begins; ticks from then on are not part of the history.")
    String until;

    @Option(names = "--out", required = true, paramLabel = "SAVEPOINT_DIR", description = "Directory to write the savepoint to (new or empty).")
    Path out;

    @Option(names = "--config", paramLabel = "job.yaml", description = "The live job's configuration (default: the built-in defaults).")
    Path config;

    @Option(names = "--interval", paramLabel = "1m", description = "Interval of bars without an interval column (default: the job's only interval).")
    String interval;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "0", description = "Subtasks per operator (default: the number of cores).")
    int parallelism;

    @Override
    public Integer call() throws Exception {
        LiveJobConfig settings = ConfigLoader.load(config);
        LiveAnalyticsJob live = LiveAnalyticsJob.prepare(settings);
        List<String> intervals = settings.bars.intervals;
        String label = interval != null ? Inputs.intervals(interval).get(0).label() : intervals.size() == 1 ? intervals.get(0) : null;
        if (Files.exists(out) && (!Files.isDirectory(out) || Files.list(out).findAny().isPresent())) {
            throw new UserError("--out " + out + ": exists and is not an empty directory");
        }
        if ((bars == null) == (ticks == null)) {
            throw new UserError("give the history as --bars or as --ticks (with --until)");
        }
        List<IndicatorSpec> indicators = IndicatorSpec.parseList(settings.indicators);
        List<RuleDefinition> rules = settings.rules == null ? List.of() : RuleFile.read(Path.of(settings.rules));

        BoundedJob job = new BoundedJob(parallelism);
        DataStream<Bar> history;
        StateBootstrap.BarInProgress inProgress = null;
        if (ticks != null) {
            if (intervals.size() != 1 || until == null) {
                throw new UserError("--ticks needs --until (where the live ticks begin) and a job with one bar interval,"
                        + " got " + intervals);
            }
            BarInterval interval = Inputs.intervals(intervals.get(0)).get(0);
            long cut = instant(until);
            long barStart = interval.windowStart(cut);
            DataStream<Tick> all = job.ticks(ticks, CsvLayout.forTicks(Inputs.existingFile(ticks, "--ticks")));
            SingleOutputStreamOperator<Bar> complete = AnalyticsPipeline.bars(
                    all.filter(tick -> tick.getEventTime().toEpochMilli() < barStart).name("Ticks of complete bars"),
                    List.of(interval), true, ticks.toString());
            job.collectDeadLetters(complete);
            history = complete;
            inProgress = new StateBootstrap.BarInProgress(all.filter(tick -> {
                long time = tick.getEventTime().toEpochMilli();
                return time >= barStart && time < cut;
            }).name("Ticks of the bar in progress"), interval);
        } else {
            CsvLayout layout = CsvLayout.forBars(Inputs.existingFile(bars, "--bars"));
            if (!layout.has("interval") && label == null) {
                throw new UserError("--bars " + bars + " has no interval column and the job has several intervals "
                        + intervals + ": give --interval");
            }
            String fallback = label;
            history = job.bars(bars, layout).map(bar -> bar.getInterval().length() == 0
                    ? Bar.newBuilder(bar).setInterval(fallback).build() : bar, new BarTypeInfo())
                    .name("Interval " + label);
        }
        var values = AnalyticsPipeline.indicators(history, indicators, String.valueOf(bars != null ? bars : ticks));
        job.collectDeadLetters(values);
        StateBootstrap.write(job.environment(), history, values, inProgress, indicators, rules, live.indicatorColumns(),
                new StateBootstrap.Uids(AnalyticsPipeline.BARS_UID, AnalyticsPipeline.INDICATORS_UID,
                        AnalyticsPipeline.SIGNALS_UID),
                settings.maxParallelism, out.toAbsolutePath().toUri().toString());
        List<DeadLetter> rejected = job.runForDeadLetters("daytrade bootstrap-state");
        var stdout = spec.commandLine().getOut();
        stdout.println("wrote a savepoint of the " + (inProgress == null ? "" : "bars-in-progress, ") + "indicator"
                + (rules.isEmpty() ? "" : " and signal-rule") + " state to " + out);
        stdout.println("start the live job from it: bin/daytrade live --config " + (config == null ? "job.yaml" : config)
                + " --from-savepoint " + out);
        stdout.flush();
        if (!rejected.isEmpty()) {
            DeadLetterReport.print(rejected, spec.commandLine().getErr());
            return ExitCodes.REJECTED_INPUT;
        }
        return ExitCodes.OK;
    }

    private static long instant(String text) {
        try {
            return text.matches("-?\\d+") ? Long.parseLong(text) : java.time.Instant.parse(text).toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            throw new UserError("--until must be epoch milliseconds or an ISO instant like 2026-03-02T11:00:00Z, got " + text);
        }
    }
}
