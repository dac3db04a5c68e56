package io.daytrade.operators.sweep;

import io.daytrade.backtest.BarHistory;
import io.daytrade.backtest.ExecutionSettings;
import io.daytrade.backtest.PerformanceMetrics;
import io.daytrade.backtest.PositionSimulator;
import io.daytrade.backtest.Trade;
import io.daytrade.backtest.WalkForward;
import io.daytrade.backtest.WalkForwardWindow;

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

    /** Every parameter set, compiled once per subtask. */
    private transient CompiledParameterSets compiled;
    /** The previous task's indicator columns, written over by the next. */
    private transient double[] columns;
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
            compiled = new CompiledParameterSets(strategy, names, parameterSets, i -> i, parameterSets.length);
        }
        // The task carries the bars alone (a megabyte, not the tens of every column); indicators run over
        // the whole history, so a window's values are those a backtest of all the bars would read.
        BarHistory history = task.history.withIndicators(compiled.indicators, columns);
        columns = history.values;
        WalkForwardWindow window = new WalkForwardWindow(task.window, task.trainStart, task.trainEnd, task.testEnd);
        WalkForward.Outcome outcome = WalkForward.step(history, Arrays.asList(compiled.backtests), settings, metric,
                window, () -> {
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
}
