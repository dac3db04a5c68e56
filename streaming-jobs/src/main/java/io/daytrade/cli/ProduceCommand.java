package io.daytrade.cli;

import io.daytrade.jobs.kafka.TickFileProducer;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "produce",
        description = "Send a tick file to a Kafka topic (Avro single-object encoding, key = symbol, the line"
                + " number as sequence), optionally at a steady rate.")
final class ProduceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--topic", defaultValue = "ticks", paramLabel = "TOPIC", description = "Default: ticks.")
    String topic;

    @Option(names = "--from", required = true, paramLabel = "TICKS.csv", description = "ts,symbol,price,size file.")
    Path from;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "N",
            description = "Ticks per second (default: as fast as the broker takes them).")
    double rate;

    @Mixin
    KafkaConnection kafka;

    @Override
    public Integer call() throws Exception {
        String bootstrap = kafka.bootstrapServers();
        Properties properties = kafka.clientProperties();
        Inputs.existingFile(from, "--from");
        io.daytrade.jobs.kafka.KafkaPreflight.check(bootstrap, properties, java.util.List.of(topic),
                java.time.Duration.ofSeconds(15));
        long started = System.nanoTime();
        TickFileProducer.Result result = TickFileProducer.produce(from, topic, bootstrap, properties, rate);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "sent %d ticks to %s at %s in %.1f s%n", result.sent(), topic, bootstrap,
                (System.nanoTime() - started) / 1e9);
        out.flush();
        if (!result.rejectedLines().isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            result.rejectedLines().stream().limit(20).forEach(err::println);
            err.println("rejected " + result.rejectedLines().size() + " line(s)");
            err.flush();
            return ExitCodes.REJECTED_INPUT;
        }
        return ExitCodes.OK;
    }
}
