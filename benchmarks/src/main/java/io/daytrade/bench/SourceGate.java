package io.daytrade.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds the live suite's sources ({@link InMemoryTickSource}'s readers, the latency runs' paced feeds)
 * before their first tick until the suite opens it, so that a run starts at steady state rather than in
 * the wake of its job's start: starting a job runs
 * code that the data never runs (the cluster's RPC, deployment, logging), and the JIT compiled it during
 * the first second of every run, about half a core of the two in the runs examined (BENCHMARKS.md, session
 * 21). A board in this JVM, which the embedded cluster shares; one job at a time.
 */
final class SourceGate {

    private static volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);
    private static final AtomicInteger WAITING = new AtomicInteger();

    private SourceGate() {}

    /** Before a job whose sources are to wait. */
    static void close() {
        WAITING.set(0);
        gate = new CompletableFuture<>();
    }

    static void open() {
        gate.complete(null);
    }

    /** Done when the gate is open. */
    static CompletableFuture<Void> opened() {
        return gate;
    }

    /** A source's first poll: it now waits at the gate. */
    static void arrived() {
        synchronized (WAITING) {
            WAITING.incrementAndGet();
            WAITING.notifyAll();
        }
    }

    /** Waits until {@code readers} sources wait at the gate, that is until the job is running. */
    static void awaitReaders(int readers, long timeoutMillis) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (WAITING) {
            while (WAITING.get() < readers) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new TimeoutException(WAITING.get() + " of " + readers + " readers reached the gate");
                }
                WAITING.wait(left);
            }
        }
    }
}
