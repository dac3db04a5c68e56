package io.daytrade.operators.sweep;

import io.daytrade.backtest.BarHistory;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One copy per JVM of each history the subtasks of a dealt sweep or walk-forward hold. Every subtask is sent
 * every history (any of them may be dealt any task), so a task manager with p slots would otherwise keep p
 * copies of all of them until the deal ends; here each subtask swaps its copy for an equal one another
 * subtask already holds. Histories are never changed once built (a task's columns go into an array of its
 * own; the bars are only read), so sharing an equal one cannot change a result. Weakly held: a history goes when the last
 * subtask holding it is done.
 */
public final class SharedHistories {

    /** By symbol: the histories of one symbol from different jobs may differ, and are then all kept. */
    private static final Map<String, List<WeakReference<BarHistory>>> BY_SYMBOL = new HashMap<>();
    /** The number of symbols after the last cleanup of cleared references: the next comes at twice as many. */
    private static int symbolsAfterCleanup;

    private SharedHistories() {}

    /** The copy of {@code history} already held in this JVM, or {@code history} itself, now held. */
    public static BarHistory share(BarHistory history) {
        synchronized (BY_SYMBOL) {
            List<WeakReference<BarHistory>> held = BY_SYMBOL.computeIfAbsent(history.symbol, s -> new ArrayList<>());
            for (Iterator<WeakReference<BarHistory>> it = held.iterator(); it.hasNext(); ) {
                BarHistory other = it.next().get();
                if (other == null) {
                    it.remove();
                } else if (sameContent(other, history)) {
                    return other;
                }
            }
            held.add(new WeakReference<>(history));
            if (BY_SYMBOL.size() > 2 * Math.max(16, symbolsAfterCleanup)) {
                dropCleared();
                symbolsAfterCleanup = BY_SYMBOL.size();
            }
            return history;
        }
    }

    /** Forgets symbols whose histories have all gone, so that the map does not grow with every symbol ever swept. */
    private static void dropCleared() {
        BY_SYMBOL.values().removeIf(held -> {
            held.removeIf(reference -> reference.get() == null);
            return held.isEmpty();
        });
    }

    static boolean sameContent(BarHistory a, BarHistory b) {
        return Objects.equals(a.symbol, b.symbol)
                && Arrays.equals(a.times, b.times)
                && Arrays.equals(a.open, b.open)
                && Arrays.equals(a.high, b.high)
                && Arrays.equals(a.low, b.low)
                && Arrays.equals(a.close, b.close)
                && Arrays.equals(a.volume, b.volume)
                && Arrays.equals(a.decides, b.decides)
                && Arrays.equals(a.columns, b.columns)
                && Arrays.equals(a.values, b.values);
    }
}
