package io.daytrade.backtest;

import static io.daytrade.backtest.PositionSimulator.FLAT;
import static io.daytrade.backtest.PositionSimulator.LONG;
import static io.daytrade.backtest.PositionSimulator.SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PositionSimulatorTest {

    private static ExecutionSettings settings(double fee, double slippage, double stop, double take, boolean shorts) {
        return new ExecutionSettings(1_000, fee, slippage, 1.0, Double.NaN, shorts, stop, take, 252);
    }

    @Test
    void aDecisionAtTheCloseFillsAtTheNextOpenMovedAgainstTheTraderWithFees() {
        PositionSimulator account = new PositionSimulator(settings(10, 50, Double.NaN, Double.NaN, false));
        account.onBar(0, 10, 10, 10, 10);
        account.decide(LONG);
        assertThat(account.direction()).isEqualTo(FLAT);
        account.onBar(1, 20, 22, 19, 21);
        double fill = 20 * 1.005;
        double quantity = 1_000 / (fill * 1.001);
        assertThat(account.direction()).isEqualTo(LONG);
        assertThat(account.equity().get(1)).isCloseTo(quantity * 21, within(1e-9));
        account.decide(FLAT);
        account.onBar(2, 30, 31, 29, 30);
        double exit = 30 * 0.995;
        double fees = quantity * fill * 0.001 + quantity * exit * 0.001;
        Trade trade = account.trades().get(0);
        assertThat(trade.entryPrice()).isEqualTo(fill);
        assertThat(trade.exitPrice()).isEqualTo(exit);
        assertThat(trade.pnl()).isCloseTo(quantity * (exit - fill) - fees, within(1e-9));
        assertThat(trade.exitReason()).isEqualTo("signal");
        assertThat(account.equity().get(2)).isCloseTo(1_000 + trade.pnl(), within(1e-9));
        assertThat(account.feesPaid()).isCloseTo(fees, within(1e-12));
    }

    @Test
    void stopLossFillsAtTheStopOrAtTheOpenAfterAGapAndComesBeforeTakeProfit() {
        // Entry at 100; stop 5% = 95, take profit 10% = 110.
        assertExit(new double[] {99, 100, 94, 97}, 95, "stop_loss");      // touched: at the stop
        assertExit(new double[] {90, 91, 88, 90}, 90, "stop_loss");       // gap down: at the open
        assertExit(new double[] {100, 111, 94, 105}, 95, "stop_loss");    // both touched: the stop first
        assertExit(new double[] {104, 111, 103, 108}, 110, "take_profit"); // touched: at the target
        assertExit(new double[] {115, 118, 114, 117}, 115, "take_profit"); // gap up: at the open
    }

    /** Enters long at 100, then feeds one bar (o, h, l, c), and checks how the position was closed. */
    private static void assertExit(double[] bar, double price, String reason) {
        PositionSimulator account = new PositionSimulator(settings(0, 0, 0.05, 0.10, false));
        account.onBar(0, 100, 100, 100, 100);
        account.decide(LONG);
        account.onBar(1, 100, 100, 100, 100);
        account.onBar(2, bar[0], bar[1], bar[2], bar[3]);
        Trade trade = account.trades().get(0);
        assertThat(trade.exitPrice()).isCloseTo(price, within(1e-9));
        assertThat(trade.exitReason()).isEqualTo(reason);
    }

    @Test
    void aSellOpensAShortOnlyWhenShortsAreAllowed() {
        PositionSimulator longOnly = new PositionSimulator(settings(0, 0, Double.NaN, Double.NaN, false));
        longOnly.onBar(0, 10, 10, 10, 10);
        longOnly.decide(SHORT);
        longOnly.onBar(1, 10, 10, 10, 10);
        assertThat(longOnly.direction()).isEqualTo(FLAT);

        PositionSimulator shorts = new PositionSimulator(settings(0, 0, Double.NaN, Double.NaN, true));
        shorts.onBar(0, 10, 10, 10, 10);
        shorts.decide(SHORT);
        shorts.onBar(1, 10, 10, 10, 10);
        assertThat(shorts.direction()).isEqualTo(SHORT);
        shorts.onBar(2, 8, 8, 8, 8);
        assertThat(shorts.equity().get(2)).isCloseTo(1_000 + 100 * 2, within(1e-9)); // 100 short at 10, now 8
        shorts.decide(LONG); // reverse: close the short and go long at the next open
        shorts.onBar(3, 8, 8, 8, 8);
        assertThat(shorts.direction()).isEqualTo(LONG);
        assertThat(shorts.trades()).singleElement().satisfies(t -> {
            assertThat(t.direction()).isEqualTo(-1);
            assertThat(t.pnl()).isCloseTo(200, within(1e-9));
        });
    }

    @Test
    void anOpenPositionIsClosedAtTheLastCloseAndCountedAsATrade() {
        PositionSimulator account = new PositionSimulator(settings(10, 20, Double.NaN, Double.NaN, false));
        account.onBar(0, 10, 10, 10, 10);
        account.decide(LONG);
        account.onBar(1, 10, 12, 10, 12);
        account.finish();
        Trade trade = account.trades().get(0);
        assertThat(trade.exitReason()).isEqualTo("end");
        assertThat(trade.exitPrice()).isEqualTo(12 * (1 - 0.002));
        assertThat(account.equity().get(1)).isCloseTo(1_000 + trade.pnl(), within(1e-9));
        assertThat(account.direction()).isEqualTo(FLAT);
    }

    @Test
    void metricsFollowTheirStatedDefinitions() {
        PositionSimulator account = new PositionSimulator(settings(0, 0, Double.NaN, Double.NaN, false));
        // Long 100 units from bar 1's open at 10: equity follows the close.
        account.onBar(0, 10, 10, 10, 10);
        account.decide(LONG);
        double[] closes = {11, 9.9, 12.1, 11};
        for (int i = 0; i < closes.length; i++) {
            account.onBar(i + 1, i == 0 ? 10 : closes[i - 1], 13, 9, closes[i]);
        }
        account.finish();
        PerformanceMetrics m = PerformanceMetrics.of(account);
        double[] equity = {1000, 1100, 990, 1210, 1100};
        double[] r = {0, 0.1, 990 / 1100.0 - 1, 1210 / 990.0 - 1, 1100 / 1210.0 - 1};
        double mean = (r[0] + r[1] + r[2] + r[3] + r[4]) / 5;
        double variance = 0;
        double downside = 0;
        for (double x : r) {
            variance += (x - mean) * (x - mean);
            downside += Math.min(0, x) * Math.min(0, x);
        }
        double stdev = Math.sqrt(variance / 4);
        assertThat(account.equity()).containsExactly(equity[0], equity[1], equity[2], equity[3], equity[4]);
        assertThat(m.totalReturn()).isCloseTo(0.1, within(1e-12));
        assertThat(m.sharpe()).isCloseTo(mean / stdev * Math.sqrt(252), within(1e-9));
        assertThat(m.sortino()).isCloseTo(mean / Math.sqrt(downside / 5) * Math.sqrt(252), within(1e-9));
        assertThat(m.volatility()).isCloseTo(stdev * Math.sqrt(252), within(1e-9));
        // Two drawdowns of one bar each: 1100 -> 990 (10%) and 1210 -> 1100 (9.1%).
        assertThat(m.maxDrawdown()).isCloseTo((1100 - 990) / 1100.0, within(1e-12));
        assertThat(m.maxDrawdownDuration()).isEqualTo(1);
        assertThat(m.cagr()).isCloseTo(Math.pow(1.1, 252 / 5.0) - 1, within(1e-9));
        assertThat(m.calmar()).isCloseTo(m.cagr() / m.maxDrawdown(), within(1e-9));
        assertThat(m.trades()).isEqualTo(1);
        assertThat(m.winRate()).isEqualTo(1.0);
        assertThat(m.profitFactor()).isNaN(); // no losing trade: no denominator
        assertThat(m.expectancy()).isCloseTo(100, within(1e-9));
        assertThat(m.exposure()).isEqualTo(4 / 5.0);
        assertThat(m.turnover()).isCloseTo((1000 + 1100) / 1000.0, within(1e-12));
        assertThat(m.asMap().keySet()).containsExactly("total_return", "cagr", "volatility", "sharpe", "sortino",
                "calmar", "max_drawdown", "max_drawdown_duration", "win_rate", "profit_factor", "expectancy",
                "exposure", "trades", "turnover", "fees_paid");
    }
}
