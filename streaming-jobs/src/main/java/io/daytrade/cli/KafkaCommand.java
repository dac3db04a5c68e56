package io.daytrade.cli;

import io.daytrade.jobs.live.ConfigLoader;
import io.daytrade.local.LocalKafkaBroker;
import io.daytrade.local.ProjectHome;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.admin.NewTopic;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "kafka",
        description = "Start, stop or check a local single-node Kafka broker (KRaft, 127.0.0.1 only) run from"
                + " Maven artifacts; its data, logs and PID live in --data-dir.")
final class KafkaCommand implements Callable<Integer> {

    enum Action { start, stop, status }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "start|stop|status", description = "What to do.")
    Action action;

    @Option(names = "--port", defaultValue = "9092", paramLabel = "PORT",
            description = "Client port (default 9092); the controller uses the next one.")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Default: work/kafka in the checkout.")
    Path dataDir;

    @Option(names = "--config", paramLabel = "job.yaml",
            description = "Create the topics this job configuration names (default: ticks, bars, indicators,"
                    + " signals, dead-letters).")
    Path config;

    @Option(names = "--partitions", defaultValue = "4", paramLabel = "N",
            description = "Partitions of each topic created (default 4).")
    int partitions;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = dataDir != null ? dataDir : ProjectHome.find().resolve("work").resolve("kafka");
        Optional<LocalKafkaBroker> running = LocalKafkaBroker.running(dir);
        switch (action) {
            case start -> {
                LocalKafkaBroker broker;
                if (running.isPresent()) {
                    broker = running.get();
                    out.println("kafka is already running at " + broker.bootstrapServers() + " (pid " + broker.pid() + ")");
                } else {
                    try {
                        broker = LocalKafkaBroker.start(ProjectHome.find(), dir, port, Duration.ofSeconds(60));
                    } catch (java.io.IOException e) {
                        throw new UserError(e.getMessage());
                    }
                    out.println("kafka is running at " + broker.bootstrapServers() + " (pid " + broker.pid()
                            + ", data in " + dir + ")");
                }
                List<String> topics = ConfigLoader.load(config).topicsUsed();
                broker.createTopics(topics.stream().map(t -> new NewTopic(t, partitions, (short) 1)).toList());
                out.println("topics: " + String.join(", ", topics));
            }
            case stop -> {
                if (running.isEmpty()) {
                    out.println("kafka is not running (no live broker recorded in " + dir + ")");
                    return ExitCodes.OK;
                }
                running.get().stop();
                out.println("kafka stopped (pid " + running.get().pid() + ")");
            }
            case status -> {
                if (running.isEmpty()) {
                    out.println("kafka is not running");
                    return 1;
                }
                out.println("kafka is running at " + running.get().bootstrapServers() + " (pid " + running.get().pid() + ")");
            }
            default -> throw new IllegalStateException(action.name());
        }
        return ExitCodes.OK;
    }
}
