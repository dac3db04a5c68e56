package io.daytrade.operators.sweep;

import io.daytrade.backtest.BarHistory;
import io.daytrade.backtest.ExecutionSettings;
import io.daytrade.backtest.HistoryBacktest;
import io.daytrade.backtest.PerformanceMetrics;
import io.daytrade.backtest.PositionSimulator;
import io.daytrade.backtest.Strategy;
import io.daytrade.backtest.Trade;
import io.daytrade.backtest.WalkForward;
import io.daytrade.backtest.WalkForwardWindow;
import io.daytrade.indicators.IndicatorSet;
import io.daytrade.indicators.IndicatorSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/** Runs one walk-forward window ({@link WalkForward#step}) per task. */
public class WalkForwardEvaluator extends RichFlatMapFunction<WalkForwardTask, WalkForwardResult> {

    private static final long serialVersionUID = 1L;

    private final String strategy;
    private final List<String> names;
    private final double[][] parameterSets;
    private final ExecutionSettings settings;
    private final String metric;

    /** The indicators any parameter set reads, and every set's backtest compiled against their columns. */
    private transient List<IndicatorSpec> indicators;
    private transient List<HistoryBacktest> compiled;
    private transient LongCounter done;
    private transient Counter evaluations;

    public WalkForwardEvaluator(String strategy, List<String> names, double[][] parameterSets,
            ExecutionSettings settings, String metric) {
        this.strategy = strategy;
        this.names = List.copyOf(names);
        this.parameterSets = parameterSets;
        this.settings = settings;
        this.metric = metric;
    }

    @Override
    public void open(OpenContext openContext) {
        done = getRuntimeContext().getLongCounter(SweepProgress.DONE);
        evaluations = getRuntimeContext().getMetricGroup().counter("evaluations");
    }

    @Override
    public void flatMap(WalkForwardTask task, Collector<WalkForwardResult> out) {
        if (compiled == null) {
            compile();
        }
        // The task carries the bars alone (a megabyte, not the tens of every column); indicators run over
        // the whole history, so a window's values are those a backtest of all the bars would read.
        BarHistory history = task.history.withIndicators(indicators);
        WalkForwardWindow window = new WalkForwardWindow(task.window, task.trainStart, task.trainEnd, task.testEnd);
        WalkForward.Outcome outcome = WalkForward.step(history, compiled, settings, metric, window, () -> {
            done.add(1);
            evaluations.inc();
        });
        if (outcome == null) {
            done.add(parameterSets.length);
            return;
        }
        PositionSimulator test = outcome.outOfSample();
        WalkForwardResult result = new WalkForwardResult();
        result.symbol = history.symbol;
        result.window = task.window;
        result.trainStart = task.trainStart;
        result.trainEnd = task.trainEnd;
        result.testEnd = task.testEnd;
        result.trainBars = outcome.trainBars();
        result.testBars = outcome.testBars();
        result.parameterSet = outcome.parameterSet();
        result.inSample = outcome.inSample() == null ? null : outcome.inSample().values();
        result.outOfSample = PerformanceMetrics.of(test).values();
        result.times = test.timesArray();
        result.equity = test.equityArray();
        result.tradePnl = test.trades().stream().mapToDouble(Trade::pnl).toArray();
        result.exposure = test.exposure();
        result.tradedNotional = test.tradedNotional();
        result.feesPaid = test.feesPaid();
        out.collect(result);
    }

    /** Once per subtask: building the strategies and compiling their rules cost a third of a second per window. */
    private void compile() {
        List<Strategy> strategies = new ArrayList<>();
        Map<String, IndicatorSpec> byName = new LinkedHashMap<>();
        for (double[] values : parameterSets) {
            Strategy chosen = Strategy.withParameters(strategy, names, values);
            strategies.add(chosen);
            chosen.indicators().forEach(spec -> byName.putIfAbsent(spec.name(), spec));
        }
        indicators = List.copyOf(byName.values());
        List<String> columns = new IndicatorSet(indicators).columns();
        List<HistoryBacktest> sets = new ArrayList<>();
        for (Strategy chosen : strategies) {
            sets.add(new HistoryBacktest(chosen, columns));
        }
        compiled = sets;
    }
}
