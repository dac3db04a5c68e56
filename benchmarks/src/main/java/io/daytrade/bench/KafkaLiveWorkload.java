package io.daytrade.bench;

import io.daytrade.jobs.kafka.TickSender;
import io.daytrade.jobs.kafka.TopicReader;
import io.daytrade.jobs.live.LiveAnalyticsJob;
import io.daytrade.jobs.live.LiveJobConfig;
import io.daytrade.local.LocalKafkaBroker;
import io.daytrade.local.Ports;
import io.daytrade.local.ProjectHome;
import io.daytrade.schemas.Tick;
import io.daytrade.signals.RuleDefinition;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The whole live job ({@link LiveAnalyticsJob}, as {@code bin/daytrade live} runs it) from and to the real
 * broker: RocksDB with incremental checkpoints every 10 s, exactly-once Kafka transactions, parallelism 2.
 * The ticks are written to a two-partition topic first; each run reads them all (and stops at the end
 * offsets), writing bars, indicators and signals in transactions. Throughput is counted by the same probe
 * after the Kafka source, from the first tick to the end of the input. One warm-up run, then three.
 */
final class KafkaLiveWorkload {

    private final boolean quick;
    private final PrintWriter out;

    KafkaLiveWorkload(boolean quick, PrintWriter out) {
        this.quick = quick;
        this.out = out;
    }

    Map<String, Object> run(Path work, LiveSuite.Spread plain, LiveSuite.Spread naive) throws Exception {
        long ticks = quick ? 20_000 : 2_000_000;
        Files.createDirectories(work);
        Path rules = work.resolve("rules.yaml");
        StringBuilder yaml = new StringBuilder("rules:\n");
        for (RuleDefinition rule : LiveSuite.RULES) {
            yaml.append("  - id: ").append(rule.id()).append("\n    when: ").append(rule.when())
                    .append("\n    side: ").append(rule.side().toString().toLowerCase(Locale.ROOT)).append('\n');
        }
        Files.writeString(rules, yaml);
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(ProjectHome.find(), work.resolve("broker"),
                Ports.freePair(0), Duration.ofSeconds(90))) {
            LiveJobConfig config = config(broker.bootstrapServers(), rules, work, 0);
            broker.createTopics(config.topicsUsed().stream().map(t -> new NewTopic(t, 2, (short) 1)).toList());
            try (TickSender sender = new TickSender(broker.bootstrapServers(), new Properties(), config.topics.ticks, 0)) {
                for (long i = 0; i < ticks; i++) {
                    Tick tick = LiveSuite.tick(i);
                    sender.send(tick);
                }
                sender.flush();
            }
            List<Double> rates = new ArrayList<>();
            int runs = quick ? 1 : 4;
            for (int run = 0; run < runs; run++) {
                LiveAnalyticsJob live = LiveAnalyticsJob.prepare(config(broker.bootstrapServers(), rules, work, run));
                StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(live.flinkConfiguration());
                live.build(env, valid -> valid.transform("Throughput probe", new AvroTypeInfo<>(Tick.class),
                        new ThroughputProbe<>()));
                JobExecutionResult result = env.execute(LiveAnalyticsJob.NAME + " (bench)");
                if (quick || run > 0) {
                    rates.add(ThroughputProbe.rate(result));
                }
            }
            long committedBars;
            try (TopicReader reader = new TopicReader(broker.bootstrapServers(), new Properties(), config.topics.bars, true)) {
                committedBars = reader.readToEnd().size();
            }
            if (committedBars == 0) {
                throw new IllegalStateException("no bars were committed to " + config.topics.bars);
            }
            LiveSuite.Spread rate = LiveSuite.Spread.of(rates);
            out.printf(Locale.ROOT, "%-30s %,16.0f %22s %11.3fx  (%,d ticks per run; %,d bars committed over %d runs)%n",
                    "live_kafka_exactly_once_p2", rate.median(), rate.range(), rate.median() / plain.median(), ticks,
                    committedBars, runs);
            Map<String, Object> workload = LiveSuite.throughputWorkload("live_kafka_exactly_once_p2", rate, plain, naive);
            workload.put("ticks", ticks);
            return workload;
        }
    }

    private static LiveJobConfig config(String bootstrap, Path rules, Path work, int run) {
        LiveJobConfig config = new LiveJobConfig();
        config.kafka.bootstrapServers = bootstrap;
        config.kafka.startingOffsets = "earliest";
        config.kafka.stopAtLatest = true;
        config.kafka.groupId = "bench-" + run;
        config.kafka.transactionalIdPrefix = "bench-" + run;
        config.topics.ticks = "bench-ticks";
        config.topics.bars = "bench-bars";
        config.topics.indicators = "bench-indicators";
        config.topics.signals = "bench-signals";
        config.topics.deadLetters = "bench-dead-letters";
        config.indicators = LiveSuite.INDICATORS;
        config.rules = rules.toString();
        config.parallelism = 2;
        config.checkpoints.interval = "10s";
        config.checkpoints.dir = work.resolve("checkpoints-" + run).toUri().toString();
        return config;
    }
}
