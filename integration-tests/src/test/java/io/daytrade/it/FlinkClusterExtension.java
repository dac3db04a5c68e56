package io.daytrade.it;

import io.daytrade.local.FlinkRest;
import io.daytrade.local.LocalFlinkCluster;
import io.daytrade.local.Ports;
import io.daytrade.local.ProjectHome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real standalone Flink cluster for a test class (a job manager and task managers in their own JVMs,
 * started by the project's launcher), stopped by PID afterwards, also when a test fails (and from a
 * shutdown hook if the JVM exits).
 */
final class FlinkClusterExtension implements BeforeAllCallback, AfterAllCallback {

    private final int taskManagers;
    private LocalFlinkCluster cluster;
    private Path dir;
    private Thread shutdownHook;

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
    public void afterAll(ExtensionContext context) throws IOException {
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
