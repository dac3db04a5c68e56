package io.daytrade.backtest;

import io.daytrade.signals.BarColumns;
import io.daytrade.signals.Firings;
import io.daytrade.signals.SignalRules;

import java.util.ArrayList;
import java.util.List;

/**
 * A strategy backtested over a {@link BarHistory} whose indicator columns were computed once for many
 * strategies. It makes the same decisions as the job of {@code bin/daytrade backtest}: at a bar's close
 * the rules read {@code close} and the strategy's columns, the signals that fired are applied in rule
 * order (the last one wins), and the simulator fills them at the next open.
 */
public final class HistoryBacktest {

    private final Strategy strategy;
    private final SignalRules rules;
    private final int[] sources;
    private final int[] targets;

    /** @throws IllegalArgumentException if {@code history} lacks a column the strategy reads */
    public HistoryBacktest(Strategy strategy, List<String> historyColumns) {
        this.strategy = strategy;
        List<String> layout = new ArrayList<>();
        layout.add("close");
        strategy.indicators().forEach(spec -> layout.addAll(spec.columns()));
        this.rules = SignalRules.compile(strategy.rules(), layout);
        this.sources = new int[layout.size()];
        for (int i = 1; i < layout.size(); i++) {
            sources[i] = historyColumns.indexOf(layout.get(i));
            if (sources[i] < 0) {
                throw new IllegalArgumentException("the history has no column " + layout.get(i));
            }
        }
        this.targets = strategy.rules().stream().mapToInt(rule -> switch (rule.side()) {
            case BUY -> PositionSimulator.LONG;
            case SELL -> PositionSimulator.SHORT;
            case FLAT -> PositionSimulator.FLAT;
        }).toArray();
    }

    public Strategy strategy() {
        return strategy;
    }

    /** Runs the whole history and closes the position at the end, as a backtest does. */
    public PositionSimulator run(BarHistory history, ExecutionSettings settings) {
        return run(history, settings, 0, history.bars());
    }

    /**
     * Runs bars {@code from} to {@code to - 1} alone, as a backtest over just them: a fresh account and
     * fresh rule memory, the position closed at bar {@code to - 1}. Nothing after it is read; the
     * indicator columns at a bar depend on that bar and earlier ones only.
     */
    public PositionSimulator run(BarHistory history, ExecutionSettings settings, int from, int to) {
        return simulate(history, settings, from, to, PositionSimulator.sizedFor(settings, to - from),
                new BacktestBuffers());
    }

    /**
     * As {@link #run(BarHistory, ExecutionSettings)} for an account read for its metrics only (see
     * {@link PositionSimulator#forMetrics}), evaluating the rules in {@code buffers}.
     */
    public PositionSimulator runForMetrics(BarHistory history, ExecutionSettings settings, BacktestBuffers buffers) {
        return runForMetrics(history, settings, 0, history.bars(), buffers);
    }

    /**
     * As {@link #runForMetrics(BarHistory, ExecutionSettings, BacktestBuffers)}, over bars {@code from} to
     * {@code to - 1} alone (a walk-forward's train slice).
     */
    public PositionSimulator runForMetrics(BarHistory history, ExecutionSettings settings, int from, int to,
            BacktestBuffers buffers) {
        return simulate(history, settings, from, to, PositionSimulator.forMetrics(settings), buffers);
    }

    /**
     * The rules are evaluated over the whole run first (one condition at a time over all its bars; the
     * account's state never feeds back into them), then the account steps through the bars acting on
     * the last rule that fired at each close, which is where a row-at-a-time evaluation would leave its
     * pending order too.
     */
    private PositionSimulator simulate(BarHistory history, ExecutionSettings settings, int from, int to,
            PositionSimulator account, BacktestBuffers buffers) {
        buffers.ensure(to - from);
        int count = buffers.decidedBars(history, from, to);
        int[] fired = buffers.fired;
        if (count == to - from && !settings.hasStops()) {
            fromFiringToFiring(history, from, to, account, buffers);
        } else if (count == to - from) { // every bar evaluated: no index to write or read per bar
            rules.lastFired(columns(history, from, null), count, fired, buffers.truths);
            for (int i = from; i < to; i++) {
                account.onBar(history.times[i], history.open[i], history.high[i], history.low[i], history.close[i]);
                int rule = fired[i - from];
                if (rule >= 0) {
                    account.decide(targets[rule]);
                }
            }
        } else {
            int[] evaluated = buffers.evaluated;
            for (int i = from, k = 0; i < to; i++) {
                if (history.decides[i]) {
                    evaluated[k++] = i;
                }
            }
            rules.lastFired(columns(history, 0, evaluated), count, fired, buffers.truths);
            int next = 0;
            for (int i = from; i < to; i++) {
                account.onBar(history.times[i], history.open[i], history.high[i], history.low[i], history.close[i]);
                if (next < count && evaluated[next] == i) {
                    int rule = fired[next++];
                    if (rule >= 0) {
                        account.decide(targets[rule]);
                    }
                }
            }
        }
        account.finish();
        return account;
    }

    /**
     * The usual case of a sweep: every bar evaluated and no stops, so nothing can happen to the account
     * between the bar after one firing (where its order fills) and the next firing. Those bars only mark
     * the equity, in one loop ({@link PositionSimulator#holdThrough}); the account steps bar by bar only
     * where an order fills. The same calls in the same order as the bar-by-bar loop, so the same results
     * to the last bit.
     */
    private void fromFiringToFiring(BarHistory history, int from, int to, PositionSimulator account,
            BacktestBuffers buffers) {
        Firings firings = buffers.firings;
        rules.firings(columns(history, from, null), to - from, buffers.truths, firings);
        int next = from; // the first bar not yet stepped through
        for (int k = 0; k < firings.size(); k++) {
            int bar = from + firings.bar(k);
            if (account.hasPendingOrder()) {
                step(history, next++, account);
            }
            account.holdThrough(history.times, history.close, next, bar + 1);
            next = Math.max(next, bar + 1);
            account.decide(targets[firings.rule(k)]);
        }
        if (account.hasPendingOrder() && next < to) {
            step(history, next++, account);
        }
        account.holdThrough(history.times, history.close, next, to);
    }

    private static void step(BarHistory history, int i, PositionSimulator account) {
        account.onBar(history.times[i], history.open[i], history.high[i], history.low[i], history.close[i]);
    }

    /**
     * The rules' row layout over the history: {@code close}, then the strategy's columns; at the bars in
     * {@code evaluated}, or at every bar from {@code from} if it is null.
     */
    private BarColumns columns(BarHistory history, int from, int[] evaluated) {
        double[][] arrays = new double[sources.length][];
        int[] offsets = new int[sources.length];
        arrays[0] = history.close;
        offsets[0] = from;
        for (int c = 1; c < sources.length; c++) {
            arrays[c] = history.values;
            offsets[c] = sources[c] * history.bars() + from;
        }
        return new BarColumns(arrays, offsets, evaluated);
    }
}
