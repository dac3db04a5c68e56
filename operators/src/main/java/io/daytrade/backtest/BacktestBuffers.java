package io.daytrade.backtest;

import io.daytrade.signals.Firings;

/**
 * Scratch arrays for {@link HistoryBacktest}: the bars at which the rules are evaluated, the rule that
 * fired last at each, and one condition's truths. A sweep runs millions of backtests one after another
 * in a task; sharing these (grown when a longer history comes) keeps it from allocating them each time.
 * Not for concurrent use.
 */
public final class BacktestBuffers {

    int[] evaluated = new int[0];
    int[] fired = new int[0];
    byte[] truths = new byte[0];
    final Firings firings = new Firings();

    void ensure(int bars) {
        if (evaluated.length < bars) {
            evaluated = new int[bars];
            fired = new int[bars];
            truths = new byte[bars];
        }
    }
}
