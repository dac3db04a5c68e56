package io.daytrade.operators.sweep;

import io.daytrade.backtest.BarHistory;
import io.daytrade.backtest.ExecutionSettings;
import io.daytrade.backtest.PerformanceMetrics;
import io.daytrade.backtest.PositionSimulator;
import io.daytrade.backtest.Span;
import io.daytrade.backtest.Trade;
import io.daytrade.backtest.WalkForward;
import io.daytrade.backtest.WalkForwardWindow;
import io.daytrade.operators.dealing.DealtWork;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.AbstractRichFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * Cuts each symbol's history into walk-forward windows, one task each, dealt to whichever subtask is free
 * ({@link io.daytrade.operators.dealing.DealtTasksOperator}), and runs each ({@link WalkForward#step}).
 */
public class WalkForwardEvaluator extends AbstractRichFunction
        implements DealtWork<BarHistory, WalkForwardTask, WalkForwardResult> {

    private static final long serialVersionUID = 1L;

    private final String strategy;
    private final List<String> names;
    private final double[][] parameterSets;
    private final ExecutionSettings settings;
    private final String metric;
    private final Span train;
    private final Span test;
    private final Span step;

    /** Every parameter set, compiled once per subtask. */
    private transient CompiledParameterSets compiled;
    /** The previous task's indicator columns, written over by the next. */
    private transient double[] columns;
    private transient LongCounter done;
    private transient Counter evaluations;

    public WalkForwardEvaluator(String strategy, List<String> names, double[][] parameterSets,
            ExecutionSettings settings, String metric, Span train, Span test, Span step) {
        this.strategy = strategy;
        this.names = List.copyOf(names);
        this.parameterSets = parameterSets;
        this.settings = settings;
        this.metric = metric;
        this.train = train;
        this.test = test;
        this.step = step;
    }

    @Override
    public void open(OpenContext openContext) {
        done = getRuntimeContext().getLongCounter(SweepProgress.DONE);
        evaluations = getRuntimeContext().getMetricGroup().counter("evaluations");
    }

    @Override
    public List<WalkForwardTask> split(BarHistory received) {
        BarHistory history = SharedHistories.share(received);
        List<WalkForwardTask> tasks = new ArrayList<>();
        if (history.bars() == 0) {
            return tasks;
        }
        for (WalkForwardWindow window : WalkForwardWindow.of(history.times[0], history.times[history.bars() - 1],
                train, test, step)) {
            tasks.add(new WalkForwardTask(history, window));
        }
        return tasks;
    }

    @Override
    public Comparator<WalkForwardTask> dealingOrder() {
        return DEALING_ORDER;
    }

    @Override
    public void planned(List<WalkForwardTask> tasks) {
        SweepProgress.planned(getRuntimeContext(), (long) tasks.size() * parameterSets.length);
    }

    @Override
    public void run(WalkForwardTask task, Collector<WalkForwardResult> out) {
        if (compiled == null) {
            compiled = new CompiledParameterSets(strategy, names, parameterSets, i -> i, parameterSets.length);
        }
        // The task carries the bars alone (a megabyte, not the tens of every column); indicators run over
        // the whole history, so a window's values are those a backtest of all the bars would read.
        BarHistory history = task.history().withIndicators(compiled.indicators, columns);
        columns = history.values;
        WalkForwardWindow window = task.window();
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
        result.window = window.index();
        result.trainStart = window.trainStart();
        result.trainEnd = window.trainEnd();
        result.testEnd = window.testEnd();
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

    /**
     * Windows spanning the most bars first (the train slice's sweep is most of a window's work), then by
     * symbol and window: a total order.
     */
    private static final Comparator<WalkForwardTask> DEALING_ORDER = Comparator
            .comparingInt(WalkForwardEvaluator::barsSpanned).reversed()
            .thenComparing(task -> task.history().symbol)
            .thenComparingInt(task -> task.window().index());

    static int barsSpanned(WalkForwardTask task) {
        BarHistory history = task.history();
        return history.firstAtOrAfter(task.window().testEnd()) - history.firstAtOrAfter(task.window().trainStart());
    }
}
