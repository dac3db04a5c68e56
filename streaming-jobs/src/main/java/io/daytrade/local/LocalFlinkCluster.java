package io.daytrade.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A standalone Flink session cluster on this machine: one job manager and task managers, each its own
 * JVM, started from the Maven classpath the way Flink's scripts start {@code flink-dist} (JVM flags from
 * {@code BashJavaUtils}, a nested {@code config.yaml}). Everything binds to 127.0.0.1. The directory
 * keeps the configuration, logs and PIDs; processes are stopped by those PIDs, never by name, and only
 * after checking their command line carries this cluster's marker.
 */
public final class LocalFlinkCluster {

    private static final String MARKER = "-Ddaytrade.local-flink=";
    private static final String JOB_MANAGER = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    private static final String TASK_MANAGER = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    private static final String RESOURCE_PARAMS = "BASH_JAVA_UTILS_EXEC_RESULT:";
    /**
     * Jars the job jar brings itself. On the cluster's classpath they would be loaded parent-first
     * ({@code org.apache.flink.*}) beside the job's own copies of Avro and Kafka, and clash.
     */
    private static final Pattern USER_JARS = Pattern.compile(
            ".*/(daytrade-[^/]*|flink-avro-[^/]*|avro-[^/]*|flink-connector-kafka-[^/]*|kafka-clients-[^/]*|picocli-[^/]*)\\.jar");

    private final Path dir;
    private final String classpath;
    private final List<String> javaOptions;
    private final int restPort;

    private LocalFlinkCluster(Path dir, String classpath, List<String> javaOptions, int restPort) {
        this.dir = dir;
        this.classpath = classpath;
        this.javaOptions = javaOptions;
        this.restPort = restPort;
    }

    /**
     * Writes the configuration, starts the job manager and {@code taskManagers} task managers, and waits
     * until they have all registered.
     *
     * @param restPort the web UI and REST port; the RPC port is a free one
     */
    public static LocalFlinkCluster start(Path home, Path dir, int taskManagers, int slots, int restPort, Duration timeout)
            throws IOException, InterruptedException {
        if (running(home, dir).isPresent()) {
            throw new IOException("a cluster is already running from " + dir + " (bin/daytrade cluster stop)");
        }
        if (!Ports.isFree(restPort)) {
            throw new IOException("port " + restPort + " on 127.0.0.1 is in use; choose another with --port");
        }
        Files.createDirectories(dir.resolve("conf"));
        Files.createDirectories(dir.resolve("log"));
        Files.createDirectories(dir.resolve("uploads"));
        writeConfig(dir, Ports.anyFree(), restPort, slots);
        Files.writeString(dir.resolve("rest.port"), Integer.toString(restPort));
        LocalFlinkCluster cluster = new LocalFlinkCluster(dir, classpath(home), javaOptions(home), restPort);
        try {
            Process jobManager = cluster.launch("jobmanager", "GET_JM_RESOURCE_PARAMS", JOB_MANAGER);
            Files.writeString(dir.resolve("jobmanager.pid"), Long.toString(jobManager.pid()));
            for (int i = 0; i < taskManagers; i++) {
                cluster.startTaskManager();
            }
            cluster.awaitTaskManagers(taskManagers, timeout);
        } catch (IOException | RuntimeException | InterruptedException e) {
            cluster.stop();
            throw e;
        }
        return cluster;
    }

    /** The cluster recorded in {@code dir}, if its job manager is alive. */
    public static Optional<LocalFlinkCluster> running(Path home, Path dir) throws IOException {
        Optional<ProcessHandle> jobManager = process(dir, dir.resolve("jobmanager.pid"));
        if (jobManager.isEmpty()) {
            return Optional.empty();
        }
        int port = Integer.parseInt(Files.readString(dir.resolve("rest.port")).trim());
        return Optional.of(new LocalFlinkCluster(dir, classpath(home), javaOptions(home), port));
    }

    public String restUrl() {
        return "http://127.0.0.1:" + restPort;
    }

    public Path directory() {
        return dir;
    }

    public FlinkRest rest() {
        return new FlinkRest(restUrl());
    }

    /** Starts one more task manager; it registers with the job manager by itself. */
    public ProcessHandle startTaskManager() throws IOException, InterruptedException {
        int index = 0;
        while (Files.exists(dir.resolve("taskmanager-" + index + ".pid"))) {
            index++;
        }
        Process process = launch("taskmanager-" + index, "GET_TM_RESOURCE_PARAMS", TASK_MANAGER);
        Files.writeString(dir.resolve("taskmanager-" + index + ".pid"), Long.toString(process.pid()));
        return process.toHandle();
    }

    /** The live task manager processes, oldest first. */
    public List<ProcessHandle> taskManagers() throws IOException {
        List<ProcessHandle> alive = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("taskmanager-\\d+\\.pid")).sorted().toList()) {
                process(dir, file).ifPresentOrElse(alive::add, () -> deleteQuietly(file));
            }
        }
        return alive;
    }

    public Optional<ProcessHandle> jobManager() throws IOException {
        return process(dir, dir.resolve("jobmanager.pid"));
    }

    /** Kills a task manager at once, as a machine failure would (SIGKILL: no shutdown hooks, no goodbye). */
    public void kill(ProcessHandle taskManager) throws InterruptedException {
        if (!isOurs(taskManager, dir)) {
            throw new IllegalArgumentException("process " + taskManager.pid() + " is not a task manager of " + dir);
        }
        taskManager.destroyForcibly();
        try {
            taskManager.onExit().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("task manager " + taskManager.pid() + " did not die", e);
        }
    }

    /** Waits until {@code count} task managers are registered with the job manager. */
    public void awaitTaskManagers(int count, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        FlinkRest rest = rest();
        while (System.nanoTime() < deadline) {
            if (jobManager().isEmpty()) {
                throw new IOException("the job manager exited; its log ends with:\n" + tail("jobmanager"));
            }
            try {
                if (rest.taskManagers() >= count) {
                    return;
                }
            } catch (IOException notYet) {
                // The REST endpoint comes up a moment after the process.
            }
            Thread.sleep(200);
        }
        throw new IOException("fewer than " + count + " task managers registered within " + timeout.toSeconds()
                + " s; the job manager's log ends with:\n" + tail("jobmanager"));
    }

    /** Stops the task managers, then the job manager: a clean shutdown first, a kill after 30 s. */
    public void stop() throws IOException {
        for (ProcessHandle taskManager : taskManagers()) {
            terminate(taskManager);
        }
        jobManager().ifPresent(LocalFlinkCluster::terminate);
        try (var files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".pid")).forEach(LocalFlinkCluster::deleteQuietly);
        }
    }

    private static void terminate(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // isAlive() tells whoever asks next.
            }
        }
    }

    /** {@code java MARKER flags -cp CLASSPATH main --configDir conf dynamic-properties}, output to log/NAME.out. */
    private Process launch(String name, String resourceQuery, String mainClass) throws IOException, InterruptedException {
        List<String> resources = resourceParams(resourceQuery);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(MARKER + dir.toAbsolutePath());
        command.addAll(Arrays.asList(resources.get(0).trim().split("\\s+")));
        command.addAll(javaOptions);
        command.add("-Dlog.file=" + dir.resolve("log").resolve(name + ".log").toAbsolutePath());
        command.add("-Dlog4j.configurationFile=" + dir.resolve("conf").resolve("log4j.properties").toUri());
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.add("--configDir");
        command.add(dir.resolve("conf").toAbsolutePath().toString());
        command.addAll(Arrays.asList(resources.get(1).trim().split("\\s+")));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("log").resolve(name + ".out").toFile())
                .start();
    }

    /** The two lines Flink's scripts take from BashJavaUtils: JVM memory flags, then dynamic properties. */
    private List<String> resourceParams(String query) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "org.apache.flink.runtime.util.bash.BashJavaUtils", query,
                "--configDir", dir.resolve("conf").toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("computing the JVM flags failed:\n" + output);
        }
        List<String> lines = output.lines().filter(l -> l.startsWith(RESOURCE_PARAMS))
                .map(l -> l.substring(RESOURCE_PARAMS.length())).toList();
        if (lines.size() != 2) {
            throw new IOException("unexpected output of BashJavaUtils " + query + ":\n" + output);
        }
        return lines;
    }

    private String tail(String name) throws IOException {
        Path log = dir.resolve("log").resolve(name + ".log");
        Path out = dir.resolve("log").resolve(name + ".out");
        Path file = Files.exists(log) ? log : out;
        if (!Files.exists(file)) {
            return "(no output)";
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private static Optional<ProcessHandle> process(Path dir, Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(handle -> isOurs(handle, dir));
    }

    /** Guards against a stale PID file whose number now belongs to another process. */
    private static boolean isOurs(ProcessHandle handle, Path dir) {
        return handle.info().commandLine().map(line -> line.contains(MARKER + dir.toAbsolutePath())).orElse(false);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A stale PID file is checked against its process before use.
        }
    }

    private static String classpath(Path home) throws IOException {
        Path file = home.resolve("streaming-jobs").resolve("target").resolve("flink-classpath.txt");
        if (!Files.exists(file)) {
            throw new IOException(file + " is missing: build the project first (mvn -DskipTests install)");
        }
        return Arrays.stream(Files.readString(file).trim().split(java.io.File.pathSeparator))
                .filter(jar -> !USER_JARS.matcher(jar).matches())
                .reduce((a, b) -> a + java.io.File.pathSeparator + b).orElse("");
    }

    /** The module opens Flink needs on Java 17, from bin/jvm-options.sh: one list for the scripts and this. */
    private static List<String> javaOptions(Path home) throws IOException {
        List<String> options = new ArrayList<>();
        Matcher matcher = Pattern.compile("--add-(?:opens|exports)=\\S+")
                .matcher(Files.readString(home.resolve("bin").resolve("jvm-options.sh")));
        while (matcher.find()) {
            options.add(matcher.group());
        }
        return options;
    }

    private static void writeConfig(Path dir, int rpcPort, int restPort, int slots) throws IOException {
        String config = String.join("\n",
                "# Written by bin/daytrade cluster start: a session cluster on loopback only.",
                "jobmanager:",
                "  rpc:",
                "    address: 127.0.0.1",
                "    port: " + rpcPort,
                "  bind-host: 127.0.0.1",
                "  memory:",
                "    process:",
                "      size: 1536m",
                "    # Each job submitted to this session cluster leaves 20-35 MB of classes behind in the job",
                "    # manager and in task managers that ran it: Avro's Schema keeps a name validator of the job's",
                "    # own Avro classes in a thread-local of Flink's pooled threads, which pins the job's class",
                "    # loader. At Flink's 256 MB the job manager died after about seven jobs.",
                "    jvm-metaspace:",
                "      size: 640m",
                "  execution:",
                "    failover-strategy: region",
                "taskmanager:",
                "  bind-host: 127.0.0.1",
                "  host: 127.0.0.1",
                "  numberOfTaskSlots: " + slots,
                "  memory:",
                "    process:",
                "      size: 2304m",
                "    jvm-metaspace:",
                "      size: 512m",
                "rest:",
                "  address: 127.0.0.1",
                "  bind-address: 127.0.0.1",
                "  port: " + restPort,
                "web:",
                "  upload:",
                "    dir: " + dir.resolve("uploads").toAbsolutePath(),
                "blob:",
                "  server:",
                "    port: 0",
                "cluster:",
                "  registration:",
                "    error-delay: 500 ms",
                "# A killed task manager is noticed in seconds rather than the default 50.",
                "heartbeat:",
                "  interval: 2000",
                "  timeout: 8000",
                "pekko:",
                "  ask:",
                "    timeout: 30 s",
                "");
        Files.writeString(dir.resolve("conf").resolve("config.yaml"), config);
        Files.writeString(dir.resolve("conf").resolve("log4j.properties"), String.join("\n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.file.ref = file",
                "appender.file.type = File",
                "appender.file.name = file",
                "appender.file.fileName = ${sys:log.file}",
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n",
                "logger.pekko.name = org.apache.pekko",
                "logger.pekko.level = WARN",
                ""));
    }
}
