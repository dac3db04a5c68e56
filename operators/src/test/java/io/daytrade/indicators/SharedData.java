package io.daytrade.indicators;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the team's shared data: {@code ../shared/data/real} beside the repository. Tests run with the
 * module as working directory, so look in each ancestor.
 */
public final class SharedData {

    private SharedData() {}

    public static Path realData() {
        return shared("data/real");
    }

    /** A folder of the shared area, e.g. {@code k8s-crds}. */
    public static Path shared(String folder) {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve(folder);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("../shared/" + folder + " not found above " + Paths.get("").toAbsolutePath());
    }

    public static Path real(String file) {
        return realData().resolve(file);
    }
}
