package io.daytrade.backtest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Several symbols trading from one capital ({@code --portfolio}): each symbol's position follows the
 * rules of {@link PositionSimulator}, but all draw on one cash ledger, a new position takes its fraction
 * of the whole account's equity (a long no more than the cash left; a buy with no cash is skipped), and
 * the equity is marked once per timestamp. Each timestamp runs in two phases, so that no symbol's fill
 * can see a price or a cash balance from later in the bar: first every symbol's fill at the open (sized
 * from the previous closes), then every symbol's stops and close. Feed events in time order; a
 * timestamp's decisions come after all of its bars.
 */
public final class PortfolioSimulator {

    /** A closed round trip and the symbol it traded. */
    public record SymbolTrade(String symbol, Trade trade) {}

    private final ExecutionSettings settings;
    private final Ledger ledger;
    private final Map<String, PositionSimulator> positions = new TreeMap<>();
    private final List<Long> times = new ArrayList<>();
    private final List<Double> equity = new ArrayList<>();
    private long current = Long.MIN_VALUE;
    private final List<double[]> barsNow = new ArrayList<>();
    private final List<String> symbolsNow = new ArrayList<>();
    private long timestampsInMarket;

    public PortfolioSimulator(ExecutionSettings settings) {
        this.settings = settings;
        this.ledger = new Ledger(settings.capital());
    }

    public void onBar(String symbol, long time, double open, double high, double low, double close) {
        if (time != current) {
            settle();
            current = time;
        }
        positions.computeIfAbsent(symbol, s -> new PositionSimulator(settings, ledger));
        symbolsNow.add(symbol);
        barsNow.add(new double[] {open, high, low, close});
    }

    public void decide(String symbol, int target) {
        settle();
        PositionSimulator position = positions.get(symbol);
        if (position != null) {
            position.decide(target);
        }
    }

    /** Closes every open position at its symbol's last close and marks the final equity. */
    public void finish() {
        settle();
        positions.values().forEach(PositionSimulator::finish);
        if (!equity.isEmpty()) {
            equity.set(equity.size() - 1, ledger.equity());
        }
    }

    /** Runs the bars gathered for the current timestamp: all opens, then all stops and closes; marks. */
    private void settle() {
        if (barsNow.isEmpty()) {
            return;
        }
        for (int i = 0; i < barsNow.size(); i++) {
            positions.get(symbolsNow.get(i)).atOpen(current, barsNow.get(i)[0]);
        }
        for (int i = 0; i < barsNow.size(); i++) {
            double[] bar = barsNow.get(i);
            positions.get(symbolsNow.get(i)).duringAndAtClose(current, bar[0], bar[1], bar[2], bar[3]);
        }
        barsNow.clear();
        symbolsNow.clear();
        mark();
    }

    private void mark() {
        times.add(current);
        equity.add(ledger.equity());
        if (positions.values().stream().anyMatch(p -> p.direction() != PositionSimulator.FLAT)) {
            timestampsInMarket++;
        }
    }

    public List<Long> times() {
        return times;
    }

    public List<Double> equity() {
        return equity;
    }

    /** Every symbol's trades, by exit time (then entry time, then symbol). */
    public List<SymbolTrade> trades() {
        List<SymbolTrade> trades = new ArrayList<>();
        positions.forEach((symbol, position) -> position.trades().forEach(t -> trades.add(new SymbolTrade(symbol, t))));
        trades.sort(Comparator.comparingLong((SymbolTrade t) -> t.trade().exitTime())
                .thenComparingLong(t -> t.trade().entryTime())
                .thenComparing(SymbolTrade::symbol));
        return trades;
    }

    /** Fraction of timestamps that ended with any position open. */
    public double exposure() {
        return times.isEmpty() ? 0 : (double) timestampsInMarket / times.size();
    }

    public double tradedNotional() {
        return positions.values().stream().mapToDouble(PositionSimulator::tradedNotional).sum();
    }

    public double feesPaid() {
        return positions.values().stream().mapToDouble(PositionSimulator::feesPaid).sum();
    }

    public Map<String, PositionSimulator> positions() {
        return positions;
    }

    public PerformanceMetrics metrics() {
        return PerformanceMetrics.of(settings.capital(), settings.periodsPerYear(),
                equity.stream().mapToDouble(Double::doubleValue).toArray(),
                trades().stream().mapToDouble(t -> t.trade().pnl()).toArray(),
                exposure(), tradedNotional(), feesPaid());
    }
}
