package io.daytrade.operators.sweep;

import io.daytrade.backtest.BarHistory;

/** One walk-forward window over one symbol's history. A Flink POJO. */
public class WalkForwardTask {

    public BarHistory history;
    public int window;
    public long trainStart;
    public long trainEnd;
    public long testEnd;
    /**
     * The task's place in its fan-out subtask's output, counted from that subtask's index: numbers modulo
     * the parallelism deal each fan-out subtask's windows, across its symbols, to the evaluators in turn.
     */
    public int number;

    public WalkForwardTask() {}
}
