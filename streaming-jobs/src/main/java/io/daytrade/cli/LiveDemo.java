package io.daytrade.cli;

import io.daytrade.jobs.demo.BarsToTicks;
import io.daytrade.jobs.kafka.TopicReader;
import io.daytrade.jobs.live.LiveAnalyticsJob;
import io.daytrade.jobs.live.LiveJobConfig;
import io.daytrade.local.LocalKafkaBroker;
import io.daytrade.local.Ports;
import io.daytrade.local.ProjectHome;
import io.daytrade.schemas.Signal;
import io.daytrade.schemas.Tick;
import io.daytrade.jobs.kafka.AvroTopics;
import io.daytrade.jobs.kafka.TickSender;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The live demo: a local Kafka broker, the live job on an embedded cluster with its web UI, real
 * BTC-USD and ETH-USD 4-hour bars replayed as ticks at a steady rate, and the signals printed as a
 * read_committed consumer receives them. Everything it starts it stops, by handle and PID, on
 * Ctrl-C or when {@code --duration} is up.
 */
final class LiveDemo {

    private static final Set<String> SYMBOLS = Set.of("BTC-USD", "ETH-USD");
    private static final long FOUR_HOURS = 4 * 3_600_000L;

    private final PrintWriter out;
    private final Duration duration;
    private final double rate;
    private final int webUiPort;
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** Counted down once everything the demo started is stopped: what a Ctrl-C hook waits for. */
    private final CountDownLatch stopped = new CountDownLatch(1);

    LiveDemo(PrintWriter out, Duration duration, double rate, int webUiPort) {
        this.out = out;
        this.duration = duration;
        this.rate = rate;
        this.webUiPort = webUiPort;
    }

    int run() throws Exception {
        Path work = ProjectHome.find().resolve("work").resolve("demo");
        deleteRecursively(work);
        Files.createDirectories(work);
        requireFree(webUiPort, "--web-ui-port");
        // Wait for the cleanup, not for the main thread to end: after cleaning up it calls System.exit,
        // which blocks while shutdown hooks run.
        Thread onCtrlC = new Thread(() -> {
            stopping.set(true);
            try {
                stopped.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "demo shutdown");
        Runtime.getRuntime().addShutdownHook(onCtrlC);

        LocalKafkaBroker broker = null;
        JobClient job = null;
        Thread producer = null;
        long[] counts = new long[2];
        try {
            // 9092 when it is free, never a user's own broker.
            broker = LocalKafkaBroker.start(ProjectHome.find(), work.resolve("kafka"), Ports.freePair(9092),
                    Duration.ofSeconds(90));
            LiveJobConfig config = config(broker.bootstrapServers(), work);
            broker.createTopics(config.topicsUsed().stream()
                    .map(topic -> new NewTopic(topic, 2, (short) 1)).toList());
            out.println("kafka:      " + broker.bootstrapServers() + " (pid " + broker.pid() + ")");

            LiveAnalyticsJob live = LiveAnalyticsJob.prepare(config);
            StreamExecutionEnvironment env = LiveCommand.environment(live.flinkConfiguration(), webUiPort);
            live.build(env);
            job = env.executeAsync(LiveAnalyticsJob.NAME);
            out.println("flink:      live job " + job.getJobID() + " on an embedded cluster");
            out.println("web UI:     http://127.0.0.1:" + webUiPort);
            List<Tick> ticks = sampleTicks();
            out.printf(Locale.ROOT, "replaying:  %d ticks from real 4h bars of %s at %.0f ticks/s into '%s'%n",
                    ticks.size(), String.join(", ", SYMBOLS.stream().sorted().toList()), rate, config.topics.ticks);
            out.println("rules:      " + config.rules);
            out.println("signals (bar time, symbol, rule, side, inputs) as they are committed:");
            out.flush();

            String bootstrap = broker.bootstrapServers();
            AtomicLong sent = new AtomicLong();
            producer = new Thread(() -> replay(ticks, bootstrap, config.topics.ticks, sent), "demo tick replay");
            producer.setDaemon(true);
            producer.start();

            long deadline = System.nanoTime() + duration.toNanos();
            try (TopicReader reader = new TopicReader(bootstrap, new Properties(), config.topics.signals, true)) {
                counts[1] = reader.read(record -> printSignal((Signal) AvroTopics.decode(record.value())),
                        Long.MAX_VALUE, () -> stopping.get() || System.nanoTime() > deadline);
            }
            counts[0] = sent.get();
        } finally {
            if (producer != null) {
                producer.interrupt();
                producer.join(10_000);
            }
            if (job != null) {
                try {
                    job.cancel().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    out.println("note: cancelling the job: " + e.getMessage());
                }
            }
            if (broker != null) {
                broker.stop();
            }
            out.printf(Locale.ROOT, "stopped: sent %d ticks, received %d signals; kafka and the job are stopped%n",
                    counts[0], counts[1]);
            out.flush();
            stopped.countDown();
            if (!stopping.get()) {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            }
        }
        return counts[1] > 0 || stopping.get() ? ExitCodes.OK : ExitCodes.JOB_FAILED;
    }

    private void printSignal(Signal signal) {
        String inputs = signal.getIndicators().entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue() == null ? "-" : String.format(Locale.ROOT, "%.2f", e.getValue())))
                .collect(Collectors.joining(" "));
        out.printf(Locale.ROOT, "  %s  %-8s %-15s %-4s  %s%n",
                signal.getBarTime().toString().replace(":00Z", "Z"), signal.getSymbol(), signal.getStrategyId(),
                signal.getSide(), inputs);
        out.flush();
    }

    private LiveJobConfig config(String bootstrap, Path work) throws IOException {
        LiveJobConfig config = new LiveJobConfig();
        config.kafka.bootstrapServers = bootstrap;
        config.kafka.startingOffsets = "earliest";
        config.kafka.transactionalIdPrefix = "daytrade-demo-" + ProcessHandle.current().pid();
        config.bars.intervals = List.of("4h");
        config.indicators = "sma(10),sma(50),rsi(14),macd(12,26,9),bbands(20,2),atr(14)";
        Path rules = work.resolve("rules.yaml");
        try (InputStream in = LiveDemo.class.getResourceAsStream("/sample/rules.yaml")) {
            if (in == null) {
                throw new IOException("the demo rules are missing from the jar; rebuild with mvn install");
            }
            Files.copy(in, rules, StandardCopyOption.REPLACE_EXISTING);
        }
        config.rules = rules.toString();
        // Exactly-once output becomes visible at each checkpoint: short, so signals show promptly.
        config.checkpoints.interval = "2s";
        config.checkpoints.dir = work.resolve("checkpoints").toUri().toString();
        config.parallelism = 2;
        return config;
    }

    private static List<Tick> sampleTicks() throws IOException {
        List<Tick> ticks = new ArrayList<>();
        try (InputStream in = LiveDemo.class.getResourceAsStream("/sample/bars.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] c = line.split(",");
                if (SYMBOLS.contains(c[1])) {
                    ticks.addAll(BarsToTicks.ticks(c[1], Long.parseLong(c[0]), FOUR_HOURS, Double.parseDouble(c[2]),
                            Double.parseDouble(c[3]), Double.parseDouble(c[4]), Double.parseDouble(c[5]),
                            Double.parseDouble(c[6]), ticks.size()));
                }
            }
        }
        ticks.sort(Comparator.comparing(Tick::getEventTime).thenComparing(Tick::getSequence));
        return ticks;
    }

    private void replay(List<Tick> ticks, String bootstrap, String topic, AtomicLong sent) {
        try (TickSender sender = new TickSender(bootstrap, new Properties(), topic, rate)) {
            for (Tick tick : ticks) {
                if (stopping.get() || Thread.currentThread().isInterrupted()) {
                    return;
                }
                sender.send(tick);
                sent.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void requireFree(int port, String option) {
        if (!Ports.isFree(port)) {
            throw new UserError("port " + port + " on 127.0.0.1 is in use; choose another with " + option);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
