package io.daytrade.operators.sweep;

import io.daytrade.backtest.BarHistory;

/** One walk-forward window over one symbol's history: a task of a {@link WalkForwardEvaluator}. */
public class WalkForwardTask {

    public BarHistory history;
    public int window;
    public long trainStart;
    public long trainEnd;
    public long testEnd;

    public WalkForwardTask() {}
}
