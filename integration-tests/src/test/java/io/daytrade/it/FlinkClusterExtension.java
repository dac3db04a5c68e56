package io.daytrade.it;

import io.daytrade.local.FlinkRest;
import io.daytrade.local.LocalFlinkCluster;
import io.daytrade.local.Ports;
import io.daytrade.local.ProjectHome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * A real standalone Flink cluster for a test class (a job manager and task managers in their own JVMs,
 * started by the project's launcher), stopped by PID afterwards, also when a test fails (and from a
 * shutdown hook if the JVM exits). When a test fails, the processes' logs are kept under
 * {@code target/flink-cluster-logs} and the end of the job manager's is printed: the cluster's
 * directory is deleted afterwards, and a job manager that went away left nothing else to go on.
 */
final class FlinkClusterExtension implements BeforeAllCallback, AfterAllCallback, TestWatcher {

    /** Keeps the cluster's logs of passing tests too ({@code -Ddaytrade.it.keep-cluster-logs=true}), to compare. */
    private static final String KEEP_LOGS = "daytrade.it.keep-cluster-logs";

    private final int taskManagers;
    private LocalFlinkCluster cluster;
    private Path dir;
    private Thread shutdownHook;
    private boolean failed;

    FlinkClusterExtension(int taskManagers) {
        this.taskManagers = taskManagers;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("daytrade-it-flink-");
        cluster = LocalFlinkCluster.start(ProjectHome.find(), dir, taskManagers, 2, Ports.anyFree(), Duration.ofSeconds(120));
        shutdownHook = new Thread(this::stopQuietly, "stop test flink cluster");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        failed = true;
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if ((failed || Boolean.getBoolean(KEEP_LOGS)) && dir != null) {
            keepLogs(context.getRequiredTestClass().getSimpleName());
        }
        if (cluster != null) {
            cluster.stop();
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void keepLogs(String testClass) throws IOException {
        Path logs = dir.resolve("log");
        Path kept = Path.of("target", "flink-cluster-logs", testClass).toAbsolutePath();
        Files.createDirectories(kept);
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.toList()) {
                Files.copy(file, kept.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!failed) {
            return;
        }
        for (String name : List.of("jobmanager.out", "jobmanager.log")) {
            Path file = logs.resolve(name);
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                System.err.println("== " + testClass + " failed; the end of the cluster's " + name + " (all logs in "
                        + kept + "):\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
        }
    }

    private void stopQuietly() {
        try {
            cluster.stop();
        } catch (IOException ignored) {
            // Nothing more can be done while the JVM exits.
        }
    }

    LocalFlinkCluster cluster() {
        return cluster;
    }

    FlinkRest rest() {
        return cluster.rest();
    }

    String url() {
        return cluster.restUrl();
    }
}
