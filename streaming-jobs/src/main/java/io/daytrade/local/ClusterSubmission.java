package io.daytrade.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@code bin/daytrade} command on a cluster: uploads the job jar of the checkout and runs the
 * command line in the job manager, where it submits its job.
 */
public final class ClusterSubmission {

    private static final String ENTRY_CLASS = "io.daytrade.cli.DayTrade";

    private ClusterSubmission() {}

    /** The checkout's job jar. */
    public static Path jobJar() throws IOException {
        Path jar = ProjectHome.find().resolve("streaming-jobs").resolve("target").resolve("daytrade-job.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is missing: build it with mvn -DskipTests install");
        }
        return jar;
    }

    /**
     * @param savepoint a savepoint or retained checkpoint to start from, or null
     * @return the id of the job the command submitted
     * @throws IOException with Flink's message when the upload or the run fails
     */
    public static String submit(FlinkRest rest, List<String> command, Integer parallelism, String savepoint,
            boolean allowNonRestoredState) throws IOException {
        return submit(rest, jobJar(), command, parallelism, savepoint, allowNonRestoredState);
    }

    /** As {@link #submit(FlinkRest, List, Integer, String, boolean)} with another build of the job jar. */
    public static String submit(FlinkRest rest, Path jar, List<String> command, Integer parallelism, String savepoint,
            boolean allowNonRestoredState) throws IOException {
        String jarId = rest.upload(jar);
        return rest.run(jarId, new FlinkRest.Run(ENTRY_CLASS, new ArrayList<>(command), parallelism, savepoint,
                allowNonRestoredState));
    }
}
