package io.daytrade.backtest;

import java.util.List;

/**
 * One walk-forward step on one symbol: every parameter set is backtested on the train slice alone,
 * the best by the chosen metric (the first in grid order on a tie; never one whose metric is
 * undefined) is then backtested on the test slice alone. The train slice's backtest ends, and closes
 * its position, at its last bar: it reads nothing of the test slice.
 */
public final class WalkForward {

    /**
     * @param parameterSet the chosen set, or -1 when no set had a defined metric (the test slice then stays flat)
     * @param inSample the chosen set's metrics on the train slice; null with no chosen set
     */
    public record Outcome(int parameterSet, PerformanceMetrics inSample, PositionSimulator outOfSample,
            int trainBars, int testBars) {}

    /** Told after each parameter set is evaluated on the train slice. */
    public interface Progress {
        void evaluated();
    }

    private WalkForward() {}

    /** @return null when the window has no bar to train or to test on */
    public static Outcome step(BarHistory history, List<HistoryBacktest> parameterSets, ExecutionSettings settings,
            String metric, WalkForwardWindow window, Progress progress) {
        int trainFrom = history.firstAtOrAfter(window.trainStart());
        int testFrom = history.firstAtOrAfter(window.trainEnd());
        int testTo = history.firstAtOrAfter(window.testEnd());
        if (testFrom - trainFrom < 2 || testTo == testFrom) {
            return null;
        }
        int m = PerformanceMetrics.names().indexOf(metric);
        boolean lower = PerformanceMetrics.lowerIsBetter(metric);
        int best = -1;
        PerformanceMetrics bestMetrics = null;
        double bestValue = Double.NaN;
        BacktestBuffers buffers = new BacktestBuffers();
        for (int p = 0; p < parameterSets.size(); p++) {
            PositionSimulator account = parameterSets.get(p).runForMetrics(history, settings, trainFrom, testFrom,
                    buffers);
            PerformanceMetrics metrics = PerformanceMetrics.of(account);
            double value = metrics.values()[m];
            if (!Double.isNaN(value) && (best < 0 || (lower ? value < bestValue : value > bestValue))) {
                best = p;
                bestValue = value;
                bestMetrics = metrics;
            }
            progress.evaluated();
        }
        PositionSimulator outOfSample;
        if (best >= 0) {
            outOfSample = parameterSets.get(best).run(history, settings, testFrom, testTo);
        } else {
            outOfSample = new PositionSimulator(settings);
            for (int i = testFrom; i < testTo; i++) {
                outOfSample.onBar(history.times[i], history.open[i], history.high[i], history.low[i], history.close[i]);
            }
        }
        return new Outcome(best, bestMetrics, outOfSample, testFrom - trainFrom, testTo - testFrom);
    }
}
