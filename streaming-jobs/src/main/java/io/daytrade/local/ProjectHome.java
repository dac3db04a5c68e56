package io.daytrade.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The repository checkout: set by bin/daytrade as {@code daytrade.home}, or found above the working directory. */
public final class ProjectHome {

    private ProjectHome() {}

    public static Path find() {
        String configured = System.getProperty("daytrade.home");
        if (configured != null) {
            return Paths.get(configured);
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("local-kafka").resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the day-trade-flink checkout above "
                + Paths.get("").toAbsolutePath() + "; run through bin/daytrade");
    }
}
