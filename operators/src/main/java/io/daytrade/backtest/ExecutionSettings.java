package io.daytrade.backtest;

import java.io.Serializable;

/**
 * How orders are filled and sized in a backtest.
 *
 * @param capital starting cash
 * @param feeBps fee on each fill's notional, in basis points
 * @param slippageBps how far each fill moves against the trader, in basis points of the price
 * @param fraction with {@code quantity} NaN: the fraction of equity a new position takes
 * @param quantity a fixed quantity per position; NaN to size by {@code fraction}
 * @param allowShort whether a sell signal opens a short position (else it only closes a long)
 * @param stopLossPct close when the price moves this fraction against the entry; NaN for none
 * @param takeProfitPct close when the price moves this fraction in favour; NaN for none
 * @param periodsPerYear bars per year, for annualised metrics
 */
public record ExecutionSettings(double capital, double feeBps, double slippageBps, double fraction,
        double quantity, boolean allowShort, double stopLossPct, double takeProfitPct, double periodsPerYear)
        implements Serializable {

    public ExecutionSettings {
        if (!(capital > 0)) {
            throw new IllegalArgumentException("--capital must be positive, got " + capital);
        }
        if (!(feeBps >= 0) || !(slippageBps >= 0)) {
            throw new IllegalArgumentException("--fee-bps and --slippage-bps must be zero or more");
        }
        if (Double.isNaN(quantity) && !(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("--position fraction must be in (0, 1], got " + fraction);
        }
        if (!Double.isNaN(quantity) && !(quantity > 0)) {
            throw new IllegalArgumentException("--position qty must be positive, got " + quantity);
        }
        if (!Double.isNaN(stopLossPct) && !(stopLossPct > 0 && stopLossPct < 1)) {
            throw new IllegalArgumentException("--stop-loss-pct must be between 0 and 1, got " + stopLossPct);
        }
        if (!Double.isNaN(takeProfitPct) && !(takeProfitPct > 0)) {
            throw new IllegalArgumentException("--take-profit-pct must be positive, got " + takeProfitPct);
        }
        if (!(periodsPerYear > 0)) {
            throw new IllegalArgumentException("--periods-per-year must be positive, got " + periodsPerYear);
        }
    }

    /** The defaults of {@code bin/daytrade backtest}: 100,000 capital, no costs, all-in, long only. */
    public static ExecutionSettings defaults(double periodsPerYear) {
        return new ExecutionSettings(100_000, 0, 0, 1.0, Double.NaN, false, Double.NaN, Double.NaN, periodsPerYear);
    }

    double feeRate() {
        return feeBps / 10_000.0;
    }

    double slippageRate() {
        return slippageBps / 10_000.0;
    }

    /** True when a stop-loss or take-profit is set: then every bar in a position must be checked. */
    public boolean hasStops() {
        return !Double.isNaN(stopLossPct) || !Double.isNaN(takeProfitPct);
    }
}
