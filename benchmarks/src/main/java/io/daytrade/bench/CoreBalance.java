package io.daytrade.bench;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How evenly the machine's cores run right now: as many threads as cores spin the same arithmetic for a
 * while, all at once, and each one's rate is given as a fraction of the fastest's. Why: on these shared
 * machines one core at times runs at 60-70% of the other for tens of minutes, which caps what two
 * subtasks can do, and the suite's ratios cannot show it; a balance read before and after the timed runs
 * tells a figure of the code from one of the host.
 */
final class CoreBalance {

    private CoreBalance() {}

    /** One thread per core for two seconds (a tenth of one when {@code quick}: the suite's CI size). */
    static double[] read(boolean quick) {
        try {
            return measure(Runtime.getRuntime().availableProcessors(), quick ? 100 : 2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the cores' balance", e);
        }
    }

    /** Each thread's rate over {@code millis} as a fraction of the fastest thread's, fastest first. */
    static double[] measure(int threads, long millis) throws InterruptedException {
        long[] rounds = new long[threads];
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        Thread[] spinners = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int index = t;
            spinners[t] = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                rounds[index] = spin(stop);
            }, "core-balance-" + t);
            spinners[t].start();
        }
        ready.await();
        go.countDown();
        Thread.sleep(millis);
        stop.set(true);
        for (Thread spinner : spinners) {
            spinner.join();
        }
        long fastest = Arrays.stream(rounds).max().orElse(1);
        return Arrays.stream(rounds).mapToDouble(r -> (double) r / fastest).boxed()
                .sorted(Comparator.reverseOrder()).mapToDouble(Double::doubleValue).toArray();
    }

    /** Rounds of dependent floating-point work until told to stop; the result is kept so none is optimised away. */
    private static long spin(AtomicBoolean stop) {
        long rounds = 0;
        double x = 1.0;
        while (!stop.get()) {
            for (int i = 0; i < 10_000; i++) {
                x = x * 1.0000001 + 1e-9;
            }
            rounds++;
        }
        return x > 0 ? rounds : -rounds;
    }

    /** The line a suite prints: the balance before its timed runs and after them. */
    static String line(double[] before, double[] after) {
        return "cores: each thread's speed as a share of the fastest's, all at once: " + describe(before)
                + " before the timed runs, " + describe(after) + " after";
    }

    /** "1.00, 0.64": each thread's rate as a fraction of the fastest's. */
    static String describe(double[] balance) {
        StringBuilder text = new StringBuilder();
        for (double share : balance) {
            text.append(text.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", share));
        }
        return text.toString();
    }
}
