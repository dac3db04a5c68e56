package io.daytrade.backtest;

import java.util.ArrayList;
import java.util.List;

/**
 * The cash of an account and the positions drawing on it: one per symbol in an independent backtest,
 * shared by all symbols with {@code --portfolio}.
 */
final class Ledger {

    double cash;
    private final List<PositionSimulator> positions = new ArrayList<>();

    Ledger(double cash) {
        this.cash = cash;
    }

    void register(PositionSimulator position) {
        positions.add(position);
    }

    /** Cash plus every position marked to its last close: what a new position's fraction is taken of. */
    double equity() {
        if (positions.size() == 1) {
            return cash + positions.get(0).marketValue();
        }
        double equity = cash;
        for (PositionSimulator position : positions) {
            equity += position.marketValue();
        }
        return equity;
    }
}
