package io.daytrade.it;

import io.daytrade.local.LocalKafkaBroker;
import io.daytrade.local.Ports;
import io.daytrade.local.ProjectHome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Kafka broker for a test class, started by the project's own launcher on free loopback ports
 * and stopped by its PID afterwards, also when a test fails (and from a shutdown hook if the JVM exits).
 */
final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {

    private LocalKafkaBroker broker;
    private Path dataDir;
    private Thread shutdownHook;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("daytrade-it-kafka-");
        broker = LocalKafkaBroker.start(ProjectHome.find(), dataDir, Ports.freePair(0), Duration.ofSeconds(90));
        shutdownHook = new Thread(broker::stop, "stop test kafka");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (broker != null) {
            broker.stop();
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    LocalKafkaBroker broker() {
        return broker;
    }

    void createTopics(int partitions, String... names) throws Exception {
        broker.createTopics(Stream.of(names).map(name -> new NewTopic(name, partitions, (short) 1)).toList());
    }
}
