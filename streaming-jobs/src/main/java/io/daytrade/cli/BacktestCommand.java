package io.daytrade.cli;

import io.daytrade.backtest.ExecutionSettings;
import io.daytrade.backtest.Strategy;
import io.daytrade.indicators.IndicatorSet;
import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.jobs.AnalyticsPipeline;
import io.daytrade.jobs.BoundedJob;
import io.daytrade.jobs.backtest.BacktestHtml;
import io.daytrade.jobs.backtest.BacktestReport;
import io.daytrade.jobs.live.RuleFile;
import io.daytrade.operators.backtest.BacktestEvent;
import io.daytrade.operators.backtest.BacktestFunction;
import io.daytrade.operators.backtest.SymbolBacktest;
import io.daytrade.operators.signals.SignalFunction;
import io.daytrade.schemas.IndicatorValues;
import io.daytrade.schemas.Signal;
import io.daytrade.signals.RuleDefinition;
import io.daytrade.signals.SignalRules;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "backtest",
        description = "Backtest a strategy over history: the same indicator and signal operators as the live"
                + " job, then an execution simulator per symbol, in one Flink job in BATCH mode.",
        footer = {"", "Strategies: sma_cross(fast=10,slow=50) ema_cross(fast=12,slow=26)"
                + " rsi_reversion(n=14,low=30,high=70)",
                "bbands_breakout(n=20,k=2) macd_cross(fast=12,slow=26,signal=9), or a rule file (with --indicators).",
                "A signal at a bar's close fills at the next bar's open, moved against the trader by the slippage;",
                "fees are charged on the filled notional. Writes report.json, report.html, trades.csv, signals.csv",
                "and equity.csv to --out."})
final class BacktestCommand implements Callable<Integer> {

    private static final double YEAR_MILLIS = 365 * 86_400_000.0;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    BarInput input;

    @Option(names = "--interval", paramLabel = "1m", description = "Bar interval, with --ticks.")
    String interval;

    @Option(names = "--strategy", required = true, paramLabel = "SPEC", description = "A built-in or a rule file.")
    String strategy;

    @Option(names = "--indicators", paramLabel = "LIST", description = "Indicators a rule-file strategy reads.")
    String indicators;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the reports.")
    Path out;

    @Option(names = "--capital", defaultValue = "100000", description = "Starting capital (default 100000).")
    double capital;

    @Option(names = "--fee-bps", defaultValue = "0", description = "Fee on filled notional, basis points (default 0).")
    double feeBps;

    @Option(names = "--slippage-bps", defaultValue = "0", description = "Slippage against the trader, basis points (default 0).")
    double slippageBps;

    @Option(names = "--position", defaultValue = "fraction=1.0", paramLabel = "fraction=F|qty=N",
            description = "Size of a new position: a fraction of equity (default fraction=1.0) or a fixed quantity.")
    String position;

    @Option(names = "--allow-short", description = "A sell signal opens a short (default: long only).")
    boolean allowShort;

    @Option(names = "--portfolio", description = "All symbols share one capital (default: independent backtests).")
    boolean portfolio;

    @Option(names = "--stop-loss-pct", paramLabel = "F", description = "e.g. 0.05: close 5% against the entry.")
    Double stopLossPct;

    @Option(names = "--take-profit-pct", paramLabel = "F", description = "e.g. 0.1: close 10% in favour.")
    Double takeProfitPct;

    @Option(names = "--periods-per-year", paramLabel = "N",
            description = "Bars per year for annualised metrics (default: 365 days / the bar spacing; 252 for"
                    + " daily equity bars is this flag).")
    Double periodsPerYear;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "0",
            description = "Subtasks per operator (default: the number of cores).")
    int parallelism;

    @Override
    public Integer call() throws Exception {
        Strategy chosen = strategy();
        List<String> columns = new IndicatorSet(chosen.indicators()).columns();
        try {
            SignalRules.compile(chosen.rules(), SignalFunction.rowLayout(columns));
        } catch (IllegalArgumentException e) {
            throw new UserError("--strategy: " + e.getMessage());
        }
        if (interval != null && interval.contains(",")) {
            throw new UserError("--interval: a backtest runs on one interval, got " + interval);
        }
        ExecutionSettings settings = settings();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserError("--out " + out + ": is a file; give a directory");
        }
        long started = System.nanoTime();

        BoundedJob job = new BoundedJob(parallelism);
        BarInput.Loaded bars = input.load(job, interval);
        SingleOutputStreamOperator<IndicatorValues> values =
                AnalyticsPipeline.indicators(bars.bars(), chosen.indicators(), bars.source());
        job.collectDeadLetters(values);
        SingleOutputStreamOperator<Signal> signals = AnalyticsPipeline.signals(values, chosen.rules(), columns);
        TypeInformation<BacktestEvent> eventType = BacktestEvent.type();
        DataStream<BacktestEvent> events = bars.bars().map(BacktestEvent::of, eventType).name("Bars to simulator")
                .union(signals.map(BacktestEvent::of, eventType).name("Signals to simulator"));
        List<String> ruleOrder = chosen.rules().stream().map(RuleDefinition::id).toList();
        SingleOutputStreamOperator<SymbolBacktest> results = events
                .keyBy(portfolio ? event -> BacktestFunction.PORTFOLIO : BacktestEvent::symbol, Types.STRING)
                .process(new BacktestFunction(settings, ruleOrder, portfolio), TypeInformation.of(SymbolBacktest.class))
                .uid("backtest-simulator").name("Execution simulator");
        BoundedJob.Result<SymbolBacktest> result =
                job.run(results, TypeInformation.of(SymbolBacktest.class), "daytrade backtest");
        if (result.records().isEmpty()) {
            if (!result.deadLetters().isEmpty()) {
                DeadLetterReport.print(result.deadLetters(), spec.commandLine().getErr());
            }
            throw new UserError("no bars to backtest in " + bars.source());
        }

        Map<String, Object> report = BacktestReport.write(out, chosen.name(), settings, result.records());
        BacktestHtml.write(out.resolve("report.html"), report, result.records());
        printSummary(report, started);
        if (!result.deadLetters().isEmpty()) {
            DeadLetterReport.print(result.deadLetters(), spec.commandLine().getErr());
            return ExitCodes.REJECTED_INPUT;
        }
        return ExitCodes.OK;
    }

    private Strategy strategy() {
        if (Strategy.isBuiltIn(strategy)) {
            if (indicators != null) {
                throw new UserError("--indicators goes with a rule-file strategy; " + strategy + " brings its own");
            }
            try {
                return Strategy.parse(strategy);
            } catch (IllegalArgumentException e) {
                throw new UserError("--strategy: " + e.getMessage());
            }
        }
        Path file = Path.of(strategy);
        if (!Files.isRegularFile(file)) {
            try {
                Strategy.parse(strategy); // reports the unknown built-in, listing the known ones
            } catch (IllegalArgumentException e) {
                throw new UserError("--strategy: " + e.getMessage());
            }
        }
        if (indicators == null) {
            throw new UserError("--strategy " + strategy + " is a rule file: give the indicators it reads with --indicators");
        }
        List<IndicatorSpec> specs = Inputs.indicators(indicators);
        return new Strategy(file.getFileName().toString(), specs, RuleFile.read(file));
    }

    private ExecutionSettings settings() throws IOException {
        double fraction = 1.0;
        double quantity = Double.NaN;
        String[] kv = position.split("=", -1);
        try {
            if (kv.length == 2 && kv[0].trim().equals("fraction")) {
                fraction = Double.parseDouble(kv[1].trim());
            } else if (kv.length == 2 && kv[0].trim().equals("qty")) {
                quantity = Double.parseDouble(kv[1].trim());
            } else {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new UserError("--position must be fraction=F or qty=N, got '" + position + "'");
        }
        double perYear = periodsPerYear != null ? periodsPerYear : inferPeriodsPerYear();
        try {
            return new ExecutionSettings(capital, feeBps, slippageBps, fraction, quantity, allowShort,
                    stopLossPct == null ? Double.NaN : stopLossPct,
                    takeProfitPct == null ? Double.NaN : takeProfitPct, perYear);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** 365 days over the bar spacing: the interval for ticks, the median gap between a symbol's bars for a file. */
    private double inferPeriodsPerYear() throws IOException {
        if (input.ticks != null) {
            return interval == null ? 252 : YEAR_MILLIS / Inputs.intervals(interval).get(0).millis();
        }
        Map<String, Long> last = new HashMap<>();
        List<Long> gaps = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(Inputs.existingFile(input.bars, "--bars"),
                StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            List<String> names = header == null ? List.of() : Arrays.asList(header.split(","));
            int ts = names.indexOf("ts");
            int symbol = names.indexOf("symbol");
            String line;
            while ((line = reader.readLine()) != null && gaps.size() < 20_000 && ts >= 0 && symbol >= 0) {
                String[] cells = line.split(",");
                try {
                    long time = Long.parseLong(cells[ts].trim());
                    Long previous = last.put(cells[symbol], time);
                    if (previous != null && time > previous) {
                        gaps.add(time - previous);
                    }
                } catch (RuntimeException ignored) {
                    // Unusable lines are reported by the job itself.
                }
            }
        }
        if (gaps.isEmpty()) {
            return 252;
        }
        gaps.sort(null);
        return YEAR_MILLIS / gaps.get(gaps.size() / 2);
    }

    @SuppressWarnings("unchecked")
    private void printSummary(Map<String, Object> report, long started) {
        var out = spec.commandLine().getOut();
        Map<String, Object> headline = report.containsKey("aggregate")
                ? (Map<String, Object>) report.get("aggregate") : report;
        out.printf(Locale.ROOT, "%s: total return %s, sharpe %s, max drawdown %s, %s trades%n", report.get("strategy"),
                percent(headline.get("total_return")), number(headline.get("sharpe")),
                percent(headline.get("max_drawdown")), headline.get("trades"));
        out.printf(Locale.ROOT, "wrote report.json, report.html, trades.csv, signals.csv and equity.csv to %s in %.1f s%n", out(),
                (System.nanoTime() - started) / 1e9);
        out.flush();
    }

    private Path out() {
        return out;
    }

    private static String percent(Object value) {
        return value instanceof Number n ? String.format(Locale.ROOT, "%.2f%%", n.doubleValue() * 100) : "n/a";
    }

    private static String number(Object value) {
        return value instanceof Number n ? String.format(Locale.ROOT, "%.2f", n.doubleValue()) : "n/a";
    }
}
