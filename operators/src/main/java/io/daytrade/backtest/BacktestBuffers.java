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

    /** The bars {@link #decidedBars} last counted over, and how many of them decide. */
    private boolean[] countedDecides;
    private int countedFrom;
    private int countedTo;
    private int counted;

    /**
     * How many of bars {@code from} to {@code to - 1} of {@code history} decide: counted once for all the
     * backtests of a task over one history (a pass over every bar per parameter set was a twentieth of
     * a sweep). A history's {@code decides} never change once it is computed.
     */
    int decidedBars(BarHistory history, int from, int to) {
        if (history.decides != countedDecides || from != countedFrom || to != countedTo) {
            int count = 0;
            for (int i = from; i < to; i++) {
                if (history.decides[i]) {
                    count++;
                }
            }
            countedDecides = history.decides;
            countedFrom = from;
            countedTo = to;
            counted = count;
        }
        return counted;
    }

    void ensure(int bars) {
        if (evaluated.length < bars) {
            evaluated = new int[bars];
            fired = new int[bars];
            truths = new byte[bars];
        }
    }
}
