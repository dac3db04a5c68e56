package io.daytrade.cli;

import io.daytrade.schemas.DeadLetter;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Tells the user which input lines were rejected and why, as {@code FILE:LINE: detail (reason)}. */
final class DeadLetterReport {

    private static final int SHOWN = 20;

    private DeadLetterReport() {}

    static void print(List<DeadLetter> deadLetters, PrintWriter err) {
        List<DeadLetter> sorted = deadLetters.stream()
                .sorted(Comparator.comparing(DeadLetter::getSource)
                        .thenComparing(d -> d.getPosition() == null ? Long.MAX_VALUE : d.getPosition()))
                .toList();
        for (DeadLetter dead : sorted.subList(0, Math.min(SHOWN, sorted.size()))) {
            String where = dead.getSource() + (dead.getPosition() == null ? "" : ":" + dead.getPosition());
            err.println(where + ": " + dead.getDetail() + " (" + dead.getReason() + ")");
        }
        if (sorted.size() > SHOWN) {
            err.println("... and " + (sorted.size() - SHOWN) + " more");
        }
        Map<String, Integer> byReason = new TreeMap<>();
        sorted.forEach(d -> byReason.merge(d.getReason(), 1, Integer::sum));
        err.println("rejected " + sorted.size() + " input record" + (sorted.size() == 1 ? "" : "s") + ": " + byReason);
        err.flush();
    }
}
