package io.daytrade.bench;

import java.util.ArrayList;
import java.util.List;

import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Strategy;
import org.ta4j.core.analysis.cost.LinearTransactionCostModel;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.backtest.BacktestExecutor;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.reports.TradingStatement;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * The peer baseline of the sweep suite: ta4j's {@code BacktestExecutor} running the same SMA-cross
 * strategies (enter when the fast SMA crosses above the slow one, exit when it crosses below, fills at
 * the next open, a linear fee) over {@code DoubleNum} series, each SMA shared by the strategies that use
 * it (as the engine and the plain loop share theirs), with its trading statements (profit, loss and
 * position statistics) per strategy. On a subset: ta4j keeps every value as an object.
 */
final class Ta4jSmaCrossSweep {

    private Ta4jSmaCrossSweep() {}

    /** @return bar-evaluations (bars x strategies, summed over the series) and trades, to keep the work live */
    static long[] run(List<BarSeries> series, int[][] sets, double feeBps) {
        long evaluations = 0;
        long positions = 0;
        for (BarSeries bars : series) {
            ClosePriceIndicator close = new ClosePriceIndicator(bars);
            SMAIndicator[] sma = new SMAIndicator[maxPeriod(sets) + 1];
            List<Strategy> strategies = new ArrayList<>();
            for (int[] set : sets) {
                SMAIndicator fast = sma[set[0]] != null ? sma[set[0]] : (sma[set[0]] = new SMAIndicator(close, set[0]));
                SMAIndicator slow = sma[set[1]] != null ? sma[set[1]] : (sma[set[1]] = new SMAIndicator(close, set[1]));
                strategies.add(new BaseStrategy("sma_cross_" + set[0] + "_" + set[1],
                        new CrossedUpIndicatorRule(fast, slow), new CrossedDownIndicatorRule(fast, slow), set[1] - 1));
            }
            BacktestExecutor executor = new BacktestExecutor(bars, new LinearTransactionCostModel(feeBps / 10_000.0),
                    new ZeroCostModel(), new TradeOnNextOpenModel());
            List<TradingStatement> statements = executor.execute(strategies, DoubleNum.valueOf(1));
            for (TradingStatement statement : statements) {
                positions += statement.getPositionStatsReport().getProfitCount().intValue()
                        + statement.getPositionStatsReport().getLossCount().intValue();
            }
            evaluations += (long) bars.getBarCount() * sets.length;
        }
        return new long[] {evaluations, positions};
    }

    private static int maxPeriod(int[][] sets) {
        int max = 0;
        for (int[] set : sets) {
            max = Math.max(max, Math.max(set[0], set[1]));
        }
        return max;
    }
}
