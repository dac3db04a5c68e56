package io.daytrade.cli;

import io.daytrade.backtest.ExecutionSettings;
import io.daytrade.backtest.Strategy;
import io.daytrade.indicators.IndicatorSet;
import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.jobs.AnalyticsPipeline;
import io.daytrade.jobs.BoundedJob;
import io.daytrade.jobs.backtest.BacktestFiles;
import io.daytrade.jobs.live.RuleFile;
import io.daytrade.operators.backtest.BacktestEvent;
import io.daytrade.operators.backtest.BacktestFunction;
import io.daytrade.operators.backtest.SymbolBacktest;
import io.daytrade.operators.signals.SignalFunction;
import io.daytrade.schemas.IndicatorValues;
import io.daytrade.schemas.Signal;
import io.daytrade.signals.RuleDefinition;
import io.daytrade.signals.SignalRules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Spec
    CommandSpec spec;

    @Mixin
    HistoryInput history;

    @Option(names = "--strategy", required = true, paramLabel = "SPEC", description = "A built-in or a rule file.")
    String strategy;

    @Option(names = "--indicators", paramLabel = "LIST", description = "Indicators a rule-file strategy reads.")
    String indicators;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the reports.")
    Path out;

    @Mixin
    ExecutionOptions execution;

    @Option(names = "--portfolio", description = "All symbols share one capital (default: independent backtests).")
    boolean portfolio;

    @Override
    public Integer call() throws Exception {
        Strategy chosen = strategy();
        List<String> columns = new IndicatorSet(chosen.indicators()).columns();
        try {
            SignalRules.compile(chosen.rules(), SignalFunction.rowLayout(columns));
        } catch (IllegalArgumentException e) {
            throw new UserError("--strategy: " + e.getMessage());
        }
        history.requireOneInterval("a backtest");
        ExecutionSettings settings = history.settings(execution);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserError("--out " + out + ": is a file; give a directory");
        }
        long started = System.nanoTime();

        BoundedJob job = history.job();
        BarInput.Loaded bars = history.load(job);
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
        BacktestFiles files = new BacktestFiles(out.toAbsolutePath().toString(), chosen.name(), settings);
        var stdout = spec.commandLine().getOut();
        ResearchRun.Finished finished = ResearchRun.run(job, results, SymbolBacktest.class, files, "backtest", out,
                "report.json", 0, stdout, spec.commandLine().getErr());
        if (finished == null) {
            return ExitCodes.OK;
        }
        Map<String, Object> report = finished.summary();
        if (Integer.valueOf(0).equals(report.get("bars")) && !report.containsKey("symbol")) {
            ResearchRun.exitCode(report, spec.commandLine().getErr());
            throw new UserError("no bars to backtest in " + bars.source());
        }
        printSummary(report, started);
        return ResearchRun.exitCode(report, spec.commandLine().getErr());
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

    @SuppressWarnings("unchecked")
    private void printSummary(Map<String, Object> report, long started) {
        var out = spec.commandLine().getOut();
        Map<String, Object> headline = report.containsKey("aggregate")
                ? (Map<String, Object>) report.get("aggregate") : report;
        out.printf(Locale.ROOT, "%s: total return %s, sharpe %s, max drawdown %s, %s trades%n", report.get("strategy"),
                SummaryFormat.percent(headline.get("total_return")), SummaryFormat.decimal(headline.get("sharpe")),
                SummaryFormat.percent(headline.get("max_drawdown")), headline.get("trades"));
        out.printf(Locale.ROOT, "wrote report.json, report.html, trades.csv, signals.csv and equity.csv to %s in %.1f s%n", out(),
                (System.nanoTime() - started) / 1e9);
        out.flush();
    }

    private Path out() {
        return out;
    }
}
