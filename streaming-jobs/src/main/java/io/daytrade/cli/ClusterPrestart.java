package io.daytrade.cli;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Whether a command line will run a bounded job on the embedded cluster, and at what parallelism, read
 * from the raw arguments before the command is parsed: the cluster then starts while the JVM is still
 * loading the command (about 1.3 s of a small command), not after. A guess that misses costs nothing
 * but the early start: a job that needs more slots gets a cluster of its own, an unused one is closed.
 */
final class ClusterPrestart {

    /**
     * The commands that run their job on the embedded cluster unless sent to one with --cluster (and
     * demo with --batch).
     */
    private static final Set<String> BOUNDED = Set.of("bars", "indicators", "backtest", "sweep", "walk-forward",
            "monte-carlo", "cross-asset", "bootstrap-state");
    private static final Set<String> NO_JOB = Set.of("--help", "-h", "--version", "-V", "--cluster");

    private ClusterPrestart() {}

    /** The job's parallelism (0: the default) if {@code args} run a bounded job here; empty otherwise. */
    static OptionalInt parallelism(String... args) {
        List<String> words = List.of(args);
        boolean bounded = !words.isEmpty()
                && (BOUNDED.contains(words.get(0)) || words.get(0).equals("demo") && words.contains("--batch"));
        if (!bounded || words.stream().anyMatch(word -> NO_JOB.contains(word) || word.startsWith("--cluster="))) {
            return OptionalInt.empty();
        }
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            String value = word.startsWith("--parallelism=") ? word.substring("--parallelism=".length())
                    : word.equals("--parallelism") && i + 1 < words.size() ? words.get(i + 1) : null;
            if (value != null) {
                try {
                    return OptionalInt.of(Math.max(0, Integer.parseInt(value.trim())));
                } catch (NumberFormatException e) {
                    return OptionalInt.empty(); // the command reports it
                }
            }
        }
        return OptionalInt.of(0);
    }
}
