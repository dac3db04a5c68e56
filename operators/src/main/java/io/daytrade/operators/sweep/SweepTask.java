package io.daytrade.operators.sweep;

import io.daytrade.backtest.BarHistory;

/**
 * Parameter sets {@code first, first + stride, ...} ({@code count} of them) of a sweep, to be run over one
 * symbol's history: one task of a {@link SweepEvaluator}, made and run inside the subtask that is dealt it.
 */
public class SweepTask {

    public BarHistory history;
    public int first;
    public int count;
    public int stride = 1;

    public SweepTask() {}

    public SweepTask(BarHistory history, int first, int count, int stride) {
        this.history = history;
        this.first = first;
        this.count = count;
        this.stride = stride;
    }

    /** The {@code i}-th parameter set of this task. */
    public int parameterSet(int i) {
        return first + i * stride;
    }
}
