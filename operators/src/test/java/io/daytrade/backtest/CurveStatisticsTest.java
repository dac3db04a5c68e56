package io.daytrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * A flat run folded at once and a held run folded in one loop give the metrics of the same marks
 * folded one at a time, bit for bit; and the one-pass deviation is the two-pass definition's.
 */
class CurveStatisticsTest {

    private static final TradeTally NO_TRADES = new TradeTally();

    @Test
    void runsFoldedAtOnceEqualMarksFoldedOneByOne() {
        Random random = new Random(23);
        for (int curve = 0; curve < 300; curve++) {
            CurveStatistics runs = new CurveStatistics(100_000);
            CurveStatistics oneByOne = new CurveStatistics(100_000);
            double cash = 100_000;
            int n = 0;
            while (n < 2_000) {
                // Mostly short runs, as a sweep's are between trades, and now and then a long one.
                int length = random.nextInt(10) == 0 ? random.nextInt(700) : random.nextInt(40);
                double[] closes = new double[length + 3];
                for (int i = 0; i < closes.length; i++) {
                    closes[i] = 50 + random.nextGaussian() * 5;
                }
                int from = random.nextInt(3);
                int to = Math.min(closes.length, from + length);
                switch (random.nextInt(4)) {
                    case 0 -> { // flat: the cash, sometimes an edge value
                        double value = random.nextInt(50) == 0 ? pick(random, 0.0, Double.NaN, -1.0) : cash;
                        runs.addConstant(value, to - from);
                        for (int i = from; i < to; i++) {
                            oneByOne.add(value);
                        }
                    }
                    case 1 -> { // holding a position, long or short
                        double quantity = (random.nextBoolean() ? 1 : -1) * random.nextDouble() * 2_000;
                        runs.addHeld(cash, quantity, closes, from, to);
                        for (int i = from; i < to; i++) {
                            oneByOne.add(cash + quantity * closes[i]);
                        }
                    }
                    case 2 -> { // a trade: cash moves
                        cash *= 1 + random.nextGaussian() * 0.02;
                        runs.add(cash);
                        oneByOne.add(cash);
                    }
                    default -> { // the closing trade rewrites the newest mark
                        if (runs.marks() > 0) {
                            runs.replaceLast(cash * 1.001);
                            oneByOne.replaceLast(cash * 1.001);
                        }
                    }
                }
                n = oneByOne.marks();
                assertThat(runs.marks()).isEqualTo(n);
            }
            PerformanceMetrics expected = oneByOne.finish(252, NO_TRADES, 0, 0, 0);
            assertThat(runs.finish(252, NO_TRADES, 0, 0, 0)).as("curve %d", curve).isEqualTo(expected);
        }
    }

    @Test
    void longFlatSpellsUnderAPeakCountEveryBar() {
        CurveStatistics statistics = new CurveStatistics(100);
        statistics.add(120);
        statistics.addConstant(90, 1_000);
        statistics.add(130);
        PerformanceMetrics metrics = statistics.finish(252, NO_TRADES, 0, 0, 0);
        assertThat(metrics.maxDrawdownDuration()).isEqualTo(1_000);
        assertThat(metrics.maxDrawdown()).isEqualTo((120 - 90) / 120.0);
        assertThat(metrics.totalReturn()).isEqualTo(130 / 100.0 - 1);
    }

    @Test
    void deviationsAreThoseOfTheirTwoPassDefinitions() {
        Random random = new Random(5);
        double[] equity = new double[5_000];
        double value = 100_000;
        for (int t = 0; t < equity.length; t++) {
            value *= 1 + 0.0004 + random.nextGaussian() * 0.01;
            equity[t] = value;
        }
        PerformanceMetrics metrics = PerformanceMetrics.of(100_000, 252, equity, new double[0], 0, 0, 0);

        double[] returns = new double[equity.length];
        double previous = 100_000;
        double mean = 0;
        for (int t = 0; t < equity.length; t++) {
            returns[t] = equity[t] / previous - 1;
            previous = equity[t];
            mean += returns[t] / equity.length;
        }
        double squares = 0;
        double downside = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
            downside += Math.min(r, 0) * Math.min(r, 0);
        }
        double stdev = Math.sqrt(squares / (returns.length - 1));
        double annualise = Math.sqrt(252);
        assertThat(metrics.volatility()).isCloseTo(stdev * annualise, within(stdev * annualise * 1e-12));
        assertThat(metrics.sharpe()).isCloseTo(mean / stdev * annualise, within(Math.abs(mean / stdev) * 1e-11));
        double sortino = mean / Math.sqrt(downside / returns.length) * annualise;
        assertThat(metrics.sortino()).isCloseTo(sortino, within(Math.abs(sortino) * 1e-11));
    }

    @Test
    void finishingTwiceGivesTheSameMetrics() {
        CurveStatistics statistics = new CurveStatistics(1_000);
        statistics.addHeld(200, 10, new double[] {80, 90, 85}, 0, 3);
        PerformanceMetrics first = statistics.finish(252, TradeTally.of(new double[] {50}), 0.5, 1_000, 2);
        assertThat(statistics.finish(252, TradeTally.of(new double[] {50}), 0.5, 1_000, 2)).isEqualTo(first);
        assertThat(first.totalReturn()).isEqualTo(1_050 / 1_000.0 - 1);
    }

    @Test
    void theNegativePartSquaresAsMathMinDoesForEveryNumber() {
        Random random = new Random(11);
        double[] edges = {-0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
                Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1, 1e-300};
        for (int i = 0; i < 100_000 + edges.length; i++) {
            double r = i < edges.length ? edges[i] : random.nextGaussian() * Math.pow(10, random.nextInt(40) - 30);
            double loss = CurveStatistics.lossOf(r);
            assertThat(Double.doubleToRawLongBits(loss * loss))
                    .as("r = %s", r)
                    .isEqualTo(Double.doubleToRawLongBits(Math.min(r, 0) * Math.min(r, 0)));
        }
    }

    @Test
    void aNaNMarkLeavesTheSortinoRatioUndefinedAsItDidBefore() {
        CurveStatistics statistics = new CurveStatistics(100);
        statistics.addHeld(10, 1, new double[] {95, 80, Double.NaN, 70, 85}, 0, 5);
        PerformanceMetrics metrics = statistics.finish(252, NO_TRADES, 1, 0, 0);
        assertThat(metrics.sortino()).isNaN();
        assertThat(metrics.sharpe()).isNaN();
    }

    private static double pick(Random random, double... values) {
        return values[random.nextInt(values.length)];
    }
}
