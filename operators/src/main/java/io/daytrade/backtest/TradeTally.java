package io.daytrade.backtest;

/**
 * What the metrics read of an account's closed trades, added up as they close: how many, how many won,
 * the gross profit of the winners and the gross loss of the others. A sweep's account keeps this
 * instead of a list of trades it would allocate and then read once.
 */
final class TradeTally {

    private long trades;
    private long wins;
    private double grossProfit;
    private double grossLoss;

    static TradeTally of(double[] tradePnl) {
        TradeTally tally = new TradeTally();
        for (double pnl : tradePnl) {
            tally.add(pnl);
        }
        return tally;
    }

    void add(double pnl) {
        trades++;
        if (pnl > 0) {
            grossProfit += pnl;
            wins++;
        } else {
            grossLoss -= pnl;
        }
    }

    long trades() {
        return trades;
    }

    long wins() {
        return wins;
    }

    double grossProfit() {
        return grossProfit;
    }

    double grossLoss() {
        return grossLoss;
    }
}
