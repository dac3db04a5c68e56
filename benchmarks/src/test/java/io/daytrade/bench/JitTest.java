package io.daytrade.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class JitTest {

    @Test
    void theCompilersCpuTimeIsReadFromProcAndNeverGoesBack() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        long before = Jit.compilerCpuMillis();
        // Something new for the compilers to do: a method hot enough to be compiled.
        long sum = 0;
        for (int i = 0; i < 5_000_000; i++) {
            sum += Long.numberOfTrailingZeros(i * 31L + sum);
        }
        long after = Jit.compilerCpuMillis();
        assertThat(before).isNotNegative();
        assertThat(after).as("sum %d", sum).isGreaterThanOrEqualTo(before);
        assertThat(after % Jit.CLOCK_TICK_MILLIS).isZero();
    }

    @Test
    void waitingForQuietEndsAtTheMaximum() throws InterruptedException {
        assertThat(Jit.awaitQuiet(50, 0)).isLessThan(1_000);
    }
}
