package io.daytrade.backtest;

import static io.daytrade.backtest.PositionSimulator.LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PortfolioSimulatorTest {

    @Test
    void symbolsShareOneCapitalAndTheEquityIsMarkedOncePerTimestamp() {
        ExecutionSettings settings = new ExecutionSettings(1_000, 0, 0, 0.5, Double.NaN, false, Double.NaN,
                Double.NaN, 252);
        PortfolioSimulator portfolio = new PortfolioSimulator(settings);
        portfolio.onBar("A", 0, 10, 10, 10, 10);
        portfolio.onBar("B", 0, 20, 20, 20, 20);
        portfolio.decide("A", LONG);
        portfolio.decide("B", LONG);
        portfolio.onBar("A", 1, 10, 12, 10, 12); // A takes half of 1000: 50 units at 10
        // B takes half of the equity known at the open, 1000 (A at its previous close), not A's close of
        // this bar (12), which nobody knows yet at the open: 25 units at 20.
        portfolio.onBar("B", 1, 20, 20, 18, 18);
        portfolio.onBar("A", 2, 12, 12, 12, 12);
        portfolio.onBar("B", 2, 18, 22, 18, 22);
        portfolio.finish();

        assertThat(portfolio.times()).containsExactly(0L, 1L, 2L);
        assertThat(portfolio.equity().get(0)).isEqualTo(1_000.0);
        assertThat(portfolio.equity().get(1)).isCloseTo(50 * 12 + 25 * 18, within(1e-9));
        assertThat(portfolio.equity().get(2)).isCloseTo(50 * 12 + 25 * 22, within(1e-9)); // closed at the last closes
        assertThat(portfolio.trades()).hasSize(2).allSatisfy(t -> assertThat(t.trade().exitReason()).isEqualTo("end"));
        PerformanceMetrics metrics = portfolio.metrics();
        assertThat(metrics.totalReturn()).isCloseTo((600 + 550) / 1_000.0 - 1, within(1e-12));
        assertThat(metrics.trades()).isEqualTo(2);
    }

    @Test
    void cashFromAStopLaterInTheBarIsNotAvailableAtThatBarsOpen() {
        ExecutionSettings settings = new ExecutionSettings(1_000, 0, 0, 1.0, Double.NaN, false, 0.05, Double.NaN, 252);
        PortfolioSimulator portfolio = new PortfolioSimulator(settings);
        portfolio.onBar("A", 0, 10, 10, 10, 10);
        portfolio.onBar("B", 0, 20, 20, 20, 20);
        portfolio.decide("A", LONG);
        portfolio.onBar("A", 1, 10, 10, 10, 10); // all-in on A
        portfolio.onBar("B", 1, 20, 20, 20, 20);
        portfolio.decide("B", LONG);
        portfolio.onBar("A", 2, 10, 10, 9, 9);   // A is stopped out during bar 2...
        portfolio.onBar("B", 2, 20, 21, 20, 21); // ...but at bar 2's open B finds no cash
        portfolio.finish();
        assertThat(portfolio.positions().get("A").trades()).singleElement()
                .satisfies(t -> assertThat(t.exitReason()).isEqualTo("stop_loss"));
        assertThat(portfolio.positions().get("B").trades()).isEmpty();
    }

    @Test
    void aBuyWithoutCashLeftIsSkipped() {
        ExecutionSettings allIn = ExecutionSettings.defaults(252);
        PortfolioSimulator portfolio = new PortfolioSimulator(allIn);
        portfolio.onBar("A", 0, 10, 10, 10, 10);
        portfolio.onBar("B", 0, 20, 20, 20, 20);
        portfolio.decide("A", LONG);
        portfolio.decide("B", LONG);
        portfolio.onBar("A", 1, 10, 10, 10, 10); // all the cash goes into A
        portfolio.onBar("B", 1, 20, 20, 20, 20); // nothing left for B
        portfolio.finish();
        assertThat(portfolio.positions().get("A").trades()).hasSize(1);
        assertThat(portfolio.positions().get("B").trades()).isEmpty();
        assertThat(portfolio.equity().get(1)).isCloseTo(100_000, within(1e-6));
    }
}
