package io.daytrade.backtest;

/**
 * A closed round trip.
 *
 * @param direction +1 long, -1 short
 * @param pnl profit after both fills' fees
 * @param fees fees of both fills
 * @param exitReason {@code signal}, {@code stop_loss}, {@code take_profit} or {@code end}
 */
public record Trade(long entryTime, long exitTime, int direction, double quantity, double entryPrice,
        double exitPrice, double pnl, double fees, String exitReason) {}
