package io.daytrade.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A single-node Apache Kafka broker (KRaft: broker and controller in one process) in its own JVM, from
 * the classpath that the {@code local-kafka} module resolves from Maven Central. For the demo, tests and
 * CI on machines without Docker. It listens on 127.0.0.1 only, keeps its data, logs and PID in one
 * directory, and is stopped by that PID, never by name.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final String MAIN_CLASS = "kafka.Kafka";
    /** First on the broker's command line (Java reads only its first 4 KiB): marks the process as ours. */
    private static final String MARKER = "-Ddaytrade.local-kafka=";

    private final Path dataDir;
    private final int port;
    private final ProcessHandle process;

    private LocalKafkaBroker(Path dataDir, int port, ProcessHandle process) {
        this.dataDir = dataDir;
        this.port = port;
        this.process = process;
    }

    /**
     * Formats {@code dataDir} on first use, starts the broker and waits until it answers.
     *
     * @param port client port; the controller listens on the next port up
     */
    public static LocalKafkaBroker start(Path home, Path dataDir, int port, Duration timeout)
            throws IOException, InterruptedException {
        int controllerPort = port + 1;
        requireFree(port);
        requireFree(controllerPort);
        Files.createDirectories(dataDir);
        String classpath = classpath(home);
        Path config = writeConfig(dataDir, port, controllerPort);
        Path logConfig = writeLogConfig(dataDir);
        if (!Files.exists(dataDir.resolve("data").resolve("meta.properties"))) {
            format(classpath, config, dataDir);
        }
        List<String> command = java(classpath, MARKER + dataDir.toAbsolutePath(), "-Xmx512m", "-Xms256m",
                "-Dlog4j2.configurationFile=" + logConfig.toUri(),
                "-Dkafka.logs.dir=" + dataDir.resolve("logs"),
                MAIN_CLASS, config.toString());
        Path out = dataDir.resolve("broker.out");
        Process started = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        Files.writeString(dataDir.resolve("broker.pid"), Long.toString(started.pid()));
        Files.writeString(dataDir.resolve("broker.port"), Integer.toString(port));
        LocalKafkaBroker broker = new LocalKafkaBroker(dataDir, port, started.toHandle());
        try {
            broker.awaitReady(timeout);
        } catch (IOException | RuntimeException e) {
            broker.stop();
            throw e;
        }
        return broker;
    }

    /** The broker recorded in {@code dataDir}, if its process is still alive. */
    public static Optional<LocalKafkaBroker> running(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("broker.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        int port = Integer.parseInt(Files.readString(dataDir.resolve("broker.port")).trim());
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> isOurBroker(handle, dataDir))
                .map(handle -> new LocalKafkaBroker(dataDir, port, handle));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** Creates topics that do not exist yet; existing ones are left as they are. */
    public void createTopics(List<NewTopic> topics) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(adminProperties(bootstrapServers()))) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    /** Stops the broker: a clean shutdown first, a kill if it does not end within 30 s. */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // Reported by isAlive() to whoever asks next.
            }
        }
        try {
            Files.deleteIfExists(dataDir.resolve("broker.pid"));
        } catch (IOException ignored) {
            // A stale PID file is checked against the process before use.
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the Kafka broker exited during start-up; its log ends with:\n" + tail());
            }
            try (Admin admin = Admin.create(adminProperties(bootstrapServers()))) {
                if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                Thread.sleep(200);
            }
        }
        throw new IOException("the Kafka broker did not answer within " + timeout.toSeconds() + " s; its log ends with:\n"
                + tail());
    }

    private String tail() throws IOException {
        Path out = dataDir.resolve("broker.out");
        if (!Files.exists(out)) {
            return "(no output)";
        }
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    static Properties adminProperties(String bootstrap) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        return properties;
    }

    /** Guards against a stale PID file whose number now belongs to another process. */
    private static boolean isOurBroker(ProcessHandle handle, Path dataDir) {
        return handle.info().commandLine()
                .map(line -> line.contains(MARKER + dataDir.toAbsolutePath()))
                .orElse(false);
    }

    private static void requireFree(int port) throws IOException {
        if (!Ports.isFree(port)) {
            throw new IOException("port " + port + " on 127.0.0.1 is in use; is a broker already running?"
                    + " (bin/daytrade kafka stop), or choose another with --port");
        }
    }

    private static String classpath(Path home) throws IOException {
        Path file = home.resolve("local-kafka").resolve("target").resolve("kafka-classpath.txt");
        if (!Files.exists(file)) {
            throw new IOException(file + " is missing: build the project first (mvn -DskipTests install)");
        }
        return Files.readString(file).trim();
    }

    private static void format(String classpath, Path config, Path dataDir) throws IOException, InterruptedException {
        List<String> command = java(classpath, "-Xmx256m", "kafka.tools.StorageTool", "format",
                "-t", Uuid.randomUuid().toString(), "-c", config.toString(), "--standalone");
        Path out = dataDir.resolve("format.out");
        Process format = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!format.waitFor(60, TimeUnit.SECONDS)) {
            format.destroyForcibly();
            throw new IOException("formatting the Kafka storage did not finish in 60 s");
        }
        if (format.exitValue() != 0) {
            throw new IOException("formatting the Kafka storage failed:\n" + Files.readString(out));
        }
    }

    /** {@code java [marker] -cp CLASSPATH rest...}: a marker argument stays in front of the long classpath. */
    private static List<String> java(String classpath, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> rest = new ArrayList<>(List.of(arguments));
        if (!rest.isEmpty() && rest.get(0).startsWith(MARKER)) {
            command.add(rest.remove(0));
        }
        command.add("-cp");
        command.add(classpath);
        command.addAll(rest);
        return command;
    }

    private static Path writeConfig(Path dataDir, int port, int controllerPort) throws IOException {
        String config = String.join("\n",
                "# Written by LocalKafkaBroker: one node that is both broker and controller, on loopback only.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dataDir.resolve("data"),
                "num.partitions=1",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // Flink's exactly-once sink keeps transactions open across a checkpoint interval and a restart.
                "transaction.max.timeout.ms=3600000",
                "");
        Path file = dataDir.resolve("server.properties");
        Files.writeString(file, config);
        return file;
    }

    private static Path writeLogConfig(Path dataDir) throws IOException {
        Path file = dataDir.resolve("log4j2.properties");
        Files.writeString(file, String.join("\n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.file.ref = file",
                "appender.file.type = File",
                "appender.file.name = file",
                "appender.file.fileName = " + dataDir.resolve("logs").resolve("server.log"),
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                ""));
        return file;
    }
}
