package io.daytrade.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/** How long this JVM's JIT compilers have worked, for a warm-up that runs until they are quiet. */
final class Jit {

    private Jit() {}

    /** Milliseconds the compilers have spent so far (summed over their threads); 0 if the JVM does not say. */
    static long compilationMillis() {
        CompilationMXBean compilation = ManagementFactory.getCompilationMXBean();
        return compilation != null && compilation.isCompilationTimeMonitoringSupported()
                ? compilation.getTotalCompilationTime() : 0;
    }
}
