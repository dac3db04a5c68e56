package io.daytrade.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The indicator math stays plain Java, so it runs the same in Flink, in a benchmark, or in a notebook. */
class NoFlinkInIndicatorsTest {

    @Test
    void indicatorSourcesImportNoFlink() throws IOException {
        Path sources = Paths.get("src/main/java/io/daytrade/indicators");
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> read(p).contains("org.apache.flink"))
                    .toList();
            assertThat(offenders).isEmpty();
        }
        try (Stream<Path> files = Files.walk(sources)) {
            assertThat(files.filter(p -> p.toString().endsWith(".java")).count()).isGreaterThan(25);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
