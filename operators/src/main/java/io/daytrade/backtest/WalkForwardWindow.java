package io.daytrade.backtest;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of a walk-forward: parameters are chosen on bars in {@code [trainStart, trainEnd)} and
 * evaluated on the bars in {@code [trainEnd, testEnd)} that follow. Window {@code k} starts {@code k}
 * steps after the first bar; the last window is the last whose test slice starts before the last bar.
 */
public record WalkForwardWindow(int index, long trainStart, long trainEnd, long testEnd) {

    public static List<WalkForwardWindow> of(long firstBar, long lastBar, Span train, Span test, Span step) {
        List<WalkForwardWindow> windows = new ArrayList<>();
        long start = firstBar;
        while (true) {
            long trainEnd = train.after(start);
            if (trainEnd > lastBar) {
                return windows;
            }
            windows.add(new WalkForwardWindow(windows.size(), start, trainEnd, test.after(trainEnd)));
            long next = step.after(start);
            if (next <= start) {
                return windows;
            }
            start = next;
        }
    }
}
