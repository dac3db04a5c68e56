package io.daytrade.operators.sweep;

import io.daytrade.backtest.BarHistory;
import io.daytrade.backtest.WalkForwardWindow;

/** One walk-forward window over one symbol's history: a task of a {@link WalkForwardEvaluator}. */
public record WalkForwardTask(BarHistory history, WalkForwardWindow window) {}
