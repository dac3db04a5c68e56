package io.daytrade.cli;

import io.daytrade.jobs.kafka.AvroTopics;
import io.daytrade.jobs.kafka.RecordFormatter;
import io.daytrade.jobs.kafka.TopicReader;

import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.avro.specific.SpecificRecordBase;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "consume",
        description = "Print the records of a topic (ticks, bars, indicators, signals, dead-letters) as CSV or"
                + " JSON lines, reading only committed records (isolation.level=read_committed).")
final class ConsumeCommand implements Callable<Integer> {

    enum Format { csv, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC")
    String topic;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|json", description = "Default: csv.")
    Format format;

    @Option(names = "--from-beginning", description = "Start at the oldest record instead of new ones only.")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", defaultValue = "" + Long.MAX_VALUE,
            description = "Stop after N records (default: run until Ctrl-C).")
    long max;

    @Option(names = "--idle-exit", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop when nothing arrived for this long (default: never).")
    double idleExit;

    @Mixin
    KafkaConnection kafka;

    @Override
    public Integer call() {
        String bootstrap = kafka.bootstrapServers();
        Properties properties = kafka.clientProperties();
        PrintWriter out = spec.commandLine().getOut();
        AtomicBoolean headerWritten = new AtomicBoolean(format == Format.json);
        AtomicLong lastRecord = new AtomicLong(System.nanoTime());
        AtomicLong undecodable = new AtomicLong();
        TopicReader reader;
        try {
            reader = new TopicReader(bootstrap, properties, topic, fromBeginning);
        } catch (IllegalArgumentException | org.apache.kafka.common.KafkaException e) {
            throw new UserError(e.getMessage());
        }
        try (reader) {
            reader.read(record -> {
                lastRecord.set(System.nanoTime());
                SpecificRecordBase value;
                try {
                    value = AvroTopics.decode(record.value());
                } catch (IllegalArgumentException e) {
                    undecodable.incrementAndGet();
                    spec.commandLine().getErr().println(topic + " offset " + record.offset() + ": " + e.getMessage());
                    return;
                }
                if (!headerWritten.getAndSet(true)) {
                    out.println(RecordFormatter.csvHeader(value));
                }
                out.println(format == Format.json ? RecordFormatter.json(value) : RecordFormatter.csvRow(value));
                out.flush();
            }, max, () -> idleExit > 0 && System.nanoTime() - lastRecord.get() > idleExit * 1e9);
        }
        return undecodable.get() == 0 ? ExitCodes.OK : ExitCodes.REJECTED_INPUT;
    }
}
