package io.daytrade.operators.sweep;

import io.daytrade.backtest.BarHistory;

/** Parameter sets {@code first .. first+count-1} of a sweep, to be run over one symbol's history. A Flink POJO. */
public class SweepTask {

    public BarHistory history;
    public int first;
    public int count;

    public SweepTask() {}

    public SweepTask(BarHistory history, int first, int count) {
        this.history = history;
        this.first = first;
        this.count = count;
    }
}
