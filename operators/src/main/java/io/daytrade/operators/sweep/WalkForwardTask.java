package io.daytrade.operators.sweep;

import io.daytrade.backtest.BarHistory;

/** One walk-forward window over one symbol's history. A Flink POJO. */
public class WalkForwardTask {

    public BarHistory history;
    public int window;
    public long trainStart;
    public long trainEnd;
    public long testEnd;

    public WalkForwardTask() {}
}
