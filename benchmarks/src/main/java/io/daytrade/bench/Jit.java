package io.daytrade.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** How long this JVM's JIT compilers have worked, for a warm-up that runs until they are quiet. */
final class Jit {

    /** Linux's clock tick, the unit of a thread's CPU time in /proc: 10 ms on every kernel this runs on. */
    static final long CLOCK_TICK_MILLIS = 10;

    private static final Path THREADS = Path.of("/proc/self/task");

    private Jit() {}

    /** Milliseconds the compilers have spent so far (summed over their threads); 0 if the JVM does not say. */
    static long compilationMillis() {
        CompilationMXBean compilation = ManagementFactory.getCompilationMXBean();
        return compilation != null && compilation.isCompilationTimeMonitoringSupported()
                ? compilation.getTotalCompilationTime() : 0;
    }

    /**
     * CPU milliseconds the compiler threads (C1 and C2) have used so far, in clock ticks, or -1 where the
     * system does not say (no /proc). Unlike {@link #compilationMillis}, which counts a compilation's
     * elapsed time, this is what they took from the task threads: on two cores the measure that matters.
     */
    static long compilerCpuMillis() {
        if (!Files.isDirectory(THREADS)) {
            return -1;
        }
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(THREADS)) {
            for (Path thread : threads) {
                ticks += compilerTicks(thread);
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * CLOCK_TICK_MILLIS;
    }

    /** The thread's user and system ticks if it is a JIT compiler thread, else 0 (also if it just ended). */
    private static long compilerTicks(Path thread) {
        try {
            String name = Files.readString(thread.resolve("comm")).trim();
            if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) {
                return 0;
            }
            String stat = Files.readString(thread.resolve("stat"));
            // After "pid (name) ": state is field 3 of stat(5), utime 14 and stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * Waits until the compiler threads have used at most one clock tick of CPU in {@code windowMillis}, or
     * {@code maxMillis} have passed (also at once where {@link #compilerCpuMillis} is unknown).
     *
     * @return the milliseconds waited
     */
    static long awaitQuiet(long windowMillis, long maxMillis) throws InterruptedException {
        long started = System.nanoTime();
        long before = compilerCpuMillis();
        while (before >= 0 && (System.nanoTime() - started) / 1_000_000 < maxMillis) {
            Thread.sleep(windowMillis);
            long now = compilerCpuMillis();
            if (now - before <= CLOCK_TICK_MILLIS) {
                break;
            }
            before = now;
        }
        return (System.nanoTime() - started) / 1_000_000;
    }
}
