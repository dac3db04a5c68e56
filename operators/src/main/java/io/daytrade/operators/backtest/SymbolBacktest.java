package io.daytrade.operators.backtest;

/**
 * One symbol's backtest: its close-marked equity curve, its trades and its totals, for the report.
 * A Flink POJO (primitive arrays and strings only).
 */
public class SymbolBacktest {

    public String symbol;
    public long[] times;
    public double[] equity;
    /** The bars' closes, at {@code times}: the price line of the report. */
    public double[] closes;
    public double[] tradePnl;
    /** trades.csv rows without the header, in trade order. */
    public String[] tradeRows;
    /** signals.csv rows without the header ({@code ts,symbol,strategy_id,side}), in time order. */
    public String[] signalRows;
    public double exposure;
    public double tradedNotional;
    public double feesPaid;

    public SymbolBacktest() {}
}
