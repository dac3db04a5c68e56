package io.daytrade.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The same text in the same order however many threads make the lines; a failure while making one surfaces. */
class LinesInBlocksTest {

    private static final BiConsumer<Integer, StringBuilder> LINE =
            (i, line) -> line.append(i).append(',').append(Math.sqrt(i)).append('\n');

    @Test
    void anyNumberOfThreadsWritesWhatOneWrites() throws Exception {
        for (int size : new int[] {0, 1, 4_095, 4_096, 4_097, 3 * 4_096 + 5, 50_000}) {
            List<Integer> elements = IntStream.range(0, size).boxed().toList();
            StringBuilder expected = new StringBuilder();
            elements.forEach(i -> LINE.accept(i, expected));
            for (int threads : new int[] {1, 2, 3, 8}) {
                StringWriter out = new StringWriter();
                LinesInBlocks.write(elements, LINE, out, threads);
                assertThat(out.toString()).as("%d elements on %d threads", size, threads).isEqualTo(expected.toString());
            }
        }
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("report-lines-")) { // a shut-down pool's threads end soon after
                thread.join(1_000);
                assertThat(thread.isAlive()).as(thread.getName()).isFalse();
            }
        }
    }

    @Test
    void aLineThatCannotBeMadeFailsTheWrite() {
        List<Integer> elements = IntStream.range(0, 20_000).boxed().toList();
        BiConsumer<Integer, StringBuilder> failing = (i, line) -> {
            if (i == 12_345) {
                throw new UncheckedIOException(new IOException("disk gone at " + i));
            }
            LINE.accept(i, line);
        };
        assertThatThrownBy(() -> LinesInBlocks.write(elements, failing, new StringWriter(), 2))
                .isInstanceOf(IOException.class).hasMessage("disk gone at 12345");

        BiConsumer<Integer, StringBuilder> broken = (i, line) -> {
            if (i == 9_000) {
                throw new IllegalStateException("no metrics for " + i);
            }
            LINE.accept(i, line);
        };
        assertThatThrownBy(() -> LinesInBlocks.write(elements, broken, new StringWriter(), 3))
                .isInstanceOf(IllegalStateException.class).hasMessage("no metrics for 9000");
    }
}
