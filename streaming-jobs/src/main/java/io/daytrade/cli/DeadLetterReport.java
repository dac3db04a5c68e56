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

    /** The same report from a job's summary.json ({@code count}, {@code by_reason}, {@code first}). */
    @SuppressWarnings("unchecked")
    static void print(Map<String, Object> rejected, PrintWriter err) {
        for (Map<String, Object> dead : (List<Map<String, Object>>) rejected.get("first")) {
            String where = dead.get("source") + (dead.get("position") == null ? "" : ":" + dead.get("position"));
            err.println(where + ": " + dead.get("detail") + " (" + dead.get("reason") + ")");
        }
        int count = ((Number) rejected.get("count")).intValue();
        int shown = ((List<?>) rejected.get("first")).size();
        if (count > shown) {
            err.println("... and " + (count - shown) + " more (all in dead-letters.csv)");
        }
        err.println("rejected " + count + " input record" + (count == 1 ? "" : "s") + ": " + rejected.get("by_reason"));
        err.flush();
    }
}
