package io.daytrade.operators.sweep;

import io.daytrade.backtest.ExecutionSettings;
import io.daytrade.backtest.HistoryBacktest;
import io.daytrade.backtest.PerformanceMetrics;
import io.daytrade.backtest.PositionSimulator;
import io.daytrade.backtest.Strategy;
import io.daytrade.backtest.Trade;
import io.daytrade.backtest.WalkForward;
import io.daytrade.backtest.WalkForwardWindow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    /** Every parameter set's backtest, compiled once per subtask for the history columns it was compiled against. */
    private transient List<HistoryBacktest> compiled;
    private transient List<String> compiledFor;
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
        List<HistoryBacktest> sets = compile(Arrays.asList(task.history.columns));
        WalkForwardWindow window = new WalkForwardWindow(task.window, task.trainStart, task.trainEnd, task.testEnd);
        WalkForward.Outcome outcome = WalkForward.step(task.history, sets, settings, metric, window, () -> {
            done.add(1);
            evaluations.inc();
        });
        if (outcome == null) {
            done.add(parameterSets.length);
            return;
        }
        PositionSimulator test = outcome.outOfSample();
        WalkForwardResult result = new WalkForwardResult();
        result.symbol = task.history.symbol;
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

    /** Building the strategies and compiling their rules from text cost a third of a second per window. */
    private List<HistoryBacktest> compile(List<String> columns) {
        if (compiled == null || !columns.equals(compiledFor)) {
            List<HistoryBacktest> sets = new ArrayList<>();
            for (double[] values : parameterSets) {
                sets.add(new HistoryBacktest(Strategy.withParameters(strategy, names, values), columns));
            }
            compiled = sets;
            compiledFor = columns;
        }
        return compiled;
    }
}
