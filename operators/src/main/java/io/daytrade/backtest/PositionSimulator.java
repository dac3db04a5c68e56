package io.daytrade.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One symbol's account, bar by bar. Per bar: {@link #onBar} fills the order decided at the previous
 * close at this bar's open (moved against the trader by the slippage), then checks the stop-loss and
 * take-profit against this bar's high and low, then marks the equity to the close; after it,
 * {@link #decide} records what the signals at this close ask for, to be filled at the next open.
 * Nothing can use a price the strategy could not have seen.
 */
public final class PositionSimulator {

    /** What the strategy wants to hold: +1 long, 0 flat, -1 short. */
    public static final int LONG = 1;
    public static final int FLAT = 0;
    public static final int SHORT = -1;
    private static final int NO_ORDER = Integer.MIN_VALUE;

    private final ExecutionSettings settings;
    private final Ledger ledger;
    private double quantity; // signed: negative when short
    private double entryPrice;
    private long entryTime;
    private double entryFees;
    /** The target to fill at the next open, or {@link #NO_ORDER}. */
    private int pending = NO_ORDER;
    private long bars;
    private long barsInMarket;
    private double lastClose;
    private long lastTime;
    private double feesPaid;
    private double tradedNotional;
    // Primitive arrays: a sweep marks millions of bars, and boxing each mark was its main cost.
    private double[] equity;
    private long[] times;
    private int marks;
    /** Instead of the curve, for an account read for its metrics only; null otherwise. */
    private final CurveStatistics statistics;
    /** The closed trades; null for a {@link #forMetrics} account, which keeps only their tally. */
    private final List<Trade> trades;
    private final TradeTally tally = new TradeTally();

    public PositionSimulator(ExecutionSettings settings) {
        this(settings, new Ledger(settings.capital()), 64, false);
    }

    /** A fresh account whose curve is sized for {@code expectedBars} once, not grown as it marks them. */
    public static PositionSimulator sizedFor(ExecutionSettings settings, int expectedBars) {
        return new PositionSimulator(settings, new Ledger(settings.capital()), Math.max(1, expectedBars), false);
    }

    /**
     * An account whose metrics are all that is read: it keeps no curve, folding each bar's mark into its
     * {@link CurveStatistics} instead, and its trades into a {@link TradeTally} ({@link #equityArray()},
     * {@link #timesArray()} and {@link #trades()} then fail). A sweep runs millions of backtests,
     * bound by memory traffic when each wrote its curve and read it back.
     */
    public static PositionSimulator forMetrics(ExecutionSettings settings) {
        return new PositionSimulator(settings, new Ledger(settings.capital()), 0, true);
    }

    private PositionSimulator(ExecutionSettings settings, Ledger ledger, int curveSize, boolean metricsOnly) {
        this.settings = settings;
        this.ledger = ledger;
        ledger.register(this);
        this.statistics = metricsOnly ? new CurveStatistics(settings.capital()) : null;
        this.equity = metricsOnly ? null : new double[curveSize];
        this.times = metricsOnly ? null : new long[curveSize];
        this.trades = metricsOnly ? null : new ArrayList<>();
    }

    /** A position drawing on a shared ledger (a portfolio); its own equity curve is then not meaningful. */
    PositionSimulator(ExecutionSettings settings, Ledger ledger) {
        this(settings, ledger, 64, false);
    }

    public void onBar(long time, double open, double high, double low, double close) {
        atOpen(time, open);
        duringAndAtClose(time, open, high, low, close);
    }

    /** The first half of a bar: the order decided at the previous close fills at this open. */
    void atOpen(long time, double open) {
        if (pending != NO_ORDER) {
            int target = pending;
            pending = NO_ORDER;
            if (direction() != target && direction() != FLAT) {
                exit(time, open, "signal");
            }
            if (target != FLAT && direction() == FLAT) {
                enter(time, target, open);
            }
        }
    }

    /** The second half: stops against the bar's range, then the equity marked to its close. */
    void duringAndAtClose(long time, double open, double high, double low, double close) {
        if (quantity != 0) {
            checkStops(time, open, high, low);
            if (quantity != 0) {
                barsInMarket++;
            }
        }
        bars++;
        lastClose = close;
        lastTime = time;
        double value = ledger.cash + quantity * close;
        if (statistics != null) {
            statistics.add(value);
            return;
        }
        if (marks == equity.length) {
            equity = Arrays.copyOf(equity, Math.max(1, marks * 2));
            times = Arrays.copyOf(times, equity.length);
        }
        times[marks] = time;
        equity[marks++] = value;
    }

    /**
     * Bars {@code from} to {@code to - 1} of these arrays, through which nothing happens: no order is
     * pending and no stop is set (the caller knows both), so each bar only marks the equity, exactly as
     * {@link #onBar} would. One tight loop instead of a call per bar: most of a backtest's bars are spent
     * waiting for the next signal.
     */
    void holdThrough(long[] barTimes, double[] closes, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return;
        }
        double cash = ledger.cash;
        double held = quantity;
        if (statistics != null) {
            if (held == 0) {
                statistics.addConstant(cash + held * closes[from], n);
            } else {
                statistics.addHeld(cash, held, closes, from, to);
            }
        } else {
            if (marks + n > equity.length) {
                int size = Math.max(marks + n, marks * 2);
                equity = Arrays.copyOf(equity, size);
                times = Arrays.copyOf(times, size);
            }
            System.arraycopy(barTimes, from, times, marks, n);
            double[] marked = equity;
            int at = marks;
            for (int i = from; i < to; i++) {
                marked[at++] = cash + held * closes[i];
            }
            marks = at;
        }
        if (held != 0) {
            barsInMarket += n;
        }
        bars += n;
        lastClose = closes[to - 1];
        lastTime = barTimes[to - 1];
    }

    /** True when an order decided at the last close waits for the next open. */
    boolean hasPendingOrder() {
        return pending != NO_ORDER;
    }

    /** The signals at this bar's close ask for {@code target} (LONG, FLAT or SHORT). */
    public void decide(int target) {
        int wanted = target == SHORT && !settings.allowShort() ? FLAT : target;
        pending = wanted == direction() ? NO_ORDER : wanted;
    }

    /** Closes any open position at the last close (slippage and fee applied), counted as a trade. */
    public void finish() {
        pending = NO_ORDER;
        if (direction() != FLAT) {
            exit(lastTime, lastClose, "end");
            if (statistics != null) {
                statistics.replaceLast(ledger.cash);
            } else {
                equity[marks - 1] = ledger.cash;
            }
        }
    }

    private void checkStops(long time, double open, double high, double low) {
        int direction = direction();
        double stop = Double.isNaN(settings.stopLossPct()) ? Double.NaN
                : entryPrice * (1 - direction * settings.stopLossPct());
        double target = Double.isNaN(settings.takeProfitPct()) ? Double.NaN
                : entryPrice * (1 + direction * settings.takeProfitPct());
        // If both are touched in one bar the stop is assumed first; a gap through a level fills at the open.
        if (!Double.isNaN(stop) && (direction == LONG ? low <= stop : high >= stop)) {
            double price = direction == LONG ? Math.min(open, stop) : Math.max(open, stop);
            exit(time, price, "stop_loss");
        } else if (!Double.isNaN(target) && (direction == LONG ? high >= target : low <= target)) {
            double price = direction == LONG ? Math.max(open, target) : Math.min(open, target);
            exit(time, price, "take_profit");
        }
    }

    private void enter(long time, int direction, double price) {
        double fill = price * (1 + direction * settings.slippageRate());
        double size;
        if (!Double.isNaN(settings.quantity())) {
            size = settings.quantity();
        } else {
            // A fraction of the account's equity; a long is also limited to the cash there is.
            double budget = ledger.equity() * settings.fraction();
            if (direction == LONG) {
                budget = Math.min(budget, ledger.cash);
            }
            size = budget / (fill * (1 + settings.feeRate()));
        }
        if (!(size > 0)) {
            return;
        }
        double fee = size * fill * settings.feeRate();
        ledger.cash -= direction * size * fill + fee;
        quantity = direction * size;
        entryPrice = fill;
        entryTime = time;
        entryFees = fee;
        feesPaid += fee;
        tradedNotional += size * fill;
    }

    private void exit(long time, double price, String reason) {
        int direction = direction();
        double size = Math.abs(quantity);
        double fill = price * (1 - direction * settings.slippageRate());
        double fee = size * fill * settings.feeRate();
        ledger.cash += direction * size * fill - fee;
        double pnl = direction * size * (fill - entryPrice) - entryFees - fee;
        tally.add(pnl);
        if (trades != null) {
            trades.add(new Trade(entryTime, time, direction, size, entryPrice, fill, pnl, entryFees + fee, reason));
        }
        feesPaid += fee;
        tradedNotional += size * fill;
        quantity = 0;
        entryFees = 0;
    }

    /** The position marked to the last close (negative when short); 0 when flat. */
    double marketValue() {
        return quantity * lastClose;
    }

    public int direction() {
        return quantity > 0 ? LONG : quantity < 0 ? SHORT : FLAT;
    }

    /** Equity marked to each bar's close (the last one after the closing trade, once finished). */
    public List<Double> equity() {
        return Arrays.stream(equityArray()).boxed().toList();
    }

    public List<Long> times() {
        return Arrays.stream(timesArray()).boxed().toList();
    }

    /** {@link #equity()} as an array, without boxing. */
    public double[] equityArray() {
        return Arrays.copyOf(fullAccount(), marks);
    }

    /** The equity buffer itself; its first {@link #marks()} values are the curve. */
    double[] equityBuffer() {
        return fullAccount();
    }

    int marks() {
        return marks;
    }

    /** The statistics of a {@link #forMetrics} account, null for one that keeps its curve. */
    CurveStatistics statistics() {
        return statistics;
    }

    /** The curve of an account that keeps it, its times and trades too. */
    private double[] fullAccount() {
        if (statistics != null) {
            throw new IllegalStateException("this account keeps no curve or trades: it was made for metrics only");
        }
        return equity;
    }

    /** {@link #times()} as an array, without boxing. */
    public long[] timesArray() {
        fullAccount();
        return Arrays.copyOf(times, marks);
    }

    public List<Trade> trades() {
        fullAccount();
        return trades;
    }

    TradeTally tally() {
        return tally;
    }

    public double feesPaid() {
        return feesPaid;
    }

    public double tradedNotional() {
        return tradedNotional;
    }

    /** Fraction of bars that ended with an open position. */
    public double exposure() {
        return bars == 0 ? 0 : (double) barsInMarket / bars;
    }

    public ExecutionSettings settings() {
        return settings;
    }
}
