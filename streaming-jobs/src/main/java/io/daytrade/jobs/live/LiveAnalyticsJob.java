package io.daytrade.jobs.live;

import io.daytrade.indicators.IndicatorSet;
import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.jobs.AnalyticsPipeline;
import io.daytrade.jobs.kafka.AvroRecordSerializer;
import io.daytrade.jobs.kafka.TickRecordDeserializer;
import io.daytrade.operators.bars.BarInterval;
import io.daytrade.operators.bars.BarTypeInfo;
import io.daytrade.operators.deadletters.DeadLetters;
import io.daytrade.operators.signals.SignalFunction;
import io.daytrade.operators.validation.ValidateTicks;
import io.daytrade.crossasset.CrossAssetCalculator;
import io.daytrade.operators.IdleKeyCleanup;
import io.daytrade.schemas.Bar;
import io.daytrade.schemas.CrossAsset;
import io.daytrade.schemas.DeadLetter;
import io.daytrade.schemas.IndicatorValues;
import io.daytrade.schemas.Signal;
import io.daytrade.schemas.Tick;
import io.daytrade.signals.RuleDefinition;
import io.daytrade.signals.SignalRules;
import io.daytrade.state.StateBackendSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The product's main job: Kafka ticks → validation → event-time bars → indicators → signal rules →
 * Kafka topics, exactly once, with RocksDB state and incremental checkpoints. The keyed stages are the
 * very classes the bounded jobs run ({@link AnalyticsPipeline}).
 */
public final class LiveAnalyticsJob {

    public static final String NAME = "daytrade live analytics";
    /**
     * How often sources emit watermarks. A bar goes out at the first watermark past its end (plus the
     * allowed disorder), so this bounds the latency it adds; Flink's 200 ms default would dominate it.
     */
    public static final Duration WATERMARK_INTERVAL = Duration.ofMillis(20);
    /**
     * Longest a record waits in a network buffer that is not full; Flink's 100 ms default is per hop. Only
     * bar parts and bars cross the network (ticks are folded before the shuffle), a few per symbol and bar,
     * so flushing often costs little: at 2 ms instead of 10 the latency's median fell from 23-30 to 16-19 ms
     * and the median run's p99 from 36-48 to 25-29 ms (BENCHMARKS.md, session 16). Watermarks every 10 ms
     * as well cost a fifth of the throughput.
     */
    public static final Duration BUFFER_TIMEOUT = Duration.ofMillis(2);

    private final LiveJobConfig config;
    private final List<BarInterval> intervals;
    private final List<IndicatorSpec> indicators;
    private final List<String> indicatorColumns;
    private final List<RuleDefinition> rules;
    private final Duration allowedDisorder;
    private final Duration idleTimeout;
    private final CrossAssetCalculator crossAsset;
    private final IdleKeyCleanup idleCleanup;
    private final int cachedKeys;

    private LiveAnalyticsJob(LiveJobConfig config, List<BarInterval> intervals, List<IndicatorSpec> indicators,
            List<RuleDefinition> rules, CrossAssetCalculator crossAsset) {
        this.crossAsset = crossAsset;
        this.idleCleanup = new IdleKeyCleanup(
                ConfigLoader.duration("state.idle-symbol-timeout", config.state.idleSymbolTimeout).toMillis());
        this.config = config;
        this.intervals = intervals;
        this.indicators = indicators;
        this.indicatorColumns = new IndicatorSet(indicators).columns();
        this.rules = rules;
        this.allowedDisorder = ConfigLoader.duration("bars.allowed-disorder", config.bars.allowedDisorder);
        this.idleTimeout = ConfigLoader.duration("bars.idle-timeout", config.bars.idleTimeout);
        this.cachedKeys = config.state.cachedKeys;
    }

    /** Checks everything that can be checked without a cluster or a broker; fails with one line. */
    public static LiveAnalyticsJob prepare(LiveJobConfig config) {
        List<BarInterval> intervals;
        List<IndicatorSpec> indicators;
        try {
            intervals = BarInterval.parseList(String.join(",", config.bars.intervals));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("bars.intervals: " + e.getMessage());
        }
        try {
            indicators = IndicatorSpec.parseList(config.indicators);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("indicators: " + e.getMessage());
        }
        List<RuleDefinition> rules = config.rules == null ? List.of() : RuleFile.read(Path.of(config.rules));
        try {
            SignalRules.compile(rules, SignalFunction.rowLayout(new IndicatorSet(indicators).columns()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException((config.rules == null ? "" : config.rules + ": ") + e.getMessage());
        }
        if (config.state.cachedKeys < 0) {
            throw new ConfigException("state.cached-keys must be 0 or more, got " + config.state.cachedKeys);
        }
        ConfigLoader.duration("checkpoints.interval", config.checkpoints.interval);
        ConfigLoader.duration("checkpoints.timeout", config.checkpoints.timeout);
        ConfigLoader.duration("restart.delay", config.restart.delay);
        ConfigLoader.duration("kafka.transaction-timeout", config.kafka.transactionTimeout);
        if (!List.of("earliest", "latest", "committed").contains(config.kafka.startingOffsets)) {
            throw new ConfigException("kafka.starting-offsets must be earliest, latest or committed, got '"
                    + config.kafka.startingOffsets + "'");
        }
        CrossAssetCalculator crossAsset = null;
        if (config.crossAsset.enabled()) {
            try {
                crossAsset = new CrossAssetCalculator(config.crossAsset.symbols, config.crossAsset.window,
                        config.crossAsset.benchmark, config.crossAsset.factors);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("cross-asset: " + e.getMessage());
            }
        }
        return new LiveAnalyticsJob(config, intervals, indicators, rules, crossAsset);
    }

    public LiveJobConfig config() {
        return config;
    }

    public List<String> indicatorColumns() {
        return indicatorColumns;
    }

    /** Flink settings of the job: streaming, RocksDB with incremental checkpoints, exactly-once, no Kryo. */
    public Configuration flinkConfiguration() {
        Duration interval = ConfigLoader.duration("checkpoints.interval", config.checkpoints.interval);
        Configuration conf = StateBackendSettings.rocksDbWithIncrementalCheckpoints(config.checkpoints.dir, interval);
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        conf.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT,
                ConfigLoader.duration("checkpoints.timeout", config.checkpoints.timeout));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, config.restart.attempts);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY,
                ConfigLoader.duration("restart.delay", config.restart.delay));
        latencyAndThroughput(conf);
        conf.set(PipelineOptions.MAX_PARALLELISM, config.maxParallelism);
        conf.set(PipelineOptions.NAME, NAME);
        return conf;
    }

    /** Adds the whole pipeline, from the ticks topic to the four output topics, to {@code env}. */
    public void build(StreamExecutionEnvironment env) {
        build(env, UnaryOperator.identity());
    }

    /**
     * As {@link #build(StreamExecutionEnvironment)}, with {@code afterValidation} applied to the valid
     * ticks before they reach the bars: the seam where tests inject a failure.
     */
    public void build(StreamExecutionEnvironment env, UnaryOperator<DataStream<Tick>> afterValidation) {
        if (config.parallelism > 0) {
            env.setParallelism(config.parallelism);
        }
        LiveJobConfig.Topics topics = config.topics;
        WatermarkStrategy<Either<DeadLetter, Tick>> watermarks = WatermarkStrategy
                .<Either<DeadLetter, Tick>>forBoundedOutOfOrderness(allowedDisorder)
                .withTimestampAssigner((record, kafkaTime) ->
                        record.isRight() ? record.right().getEventTime().toEpochMilli() : Long.MIN_VALUE)
                .withIdleness(idleTimeout);
        SingleOutputStreamOperator<Tick> ticks = env.fromSource(tickSource(), watermarks, "Kafka " + topics.ticks)
                .uid("kafka-ticks")
                .process(new ValidateTicks(topics.ticks), new AvroTypeInfo<>(Tick.class))
                .uid("validate-ticks")
                .name("Validate ticks");
        SingleOutputStreamOperator<Bar> bars =
                AnalyticsPipeline.bars(afterValidation.apply(ticks), intervals, false, topics.ticks, cachedKeys);
        SingleOutputStreamOperator<IndicatorValues> values =
                AnalyticsPipeline.indicators(bars, indicators, topics.bars, idleCleanup, cachedKeys);
        SingleOutputStreamOperator<Signal> signals =
                AnalyticsPipeline.signals(values, rules, indicatorColumns, idleCleanup, cachedKeys);

        DataStream<DeadLetter> deadLetters = ticks.getSideOutput(DeadLetters.TAG)
                .union(bars.getSideOutput(DeadLetters.TAG), values.getSideOutput(DeadLetters.TAG));
        if (crossAsset != null) {
            SingleOutputStreamOperator<CrossAsset> relations = AnalyticsPipeline.crossAsset(bars, crossAsset,
                    config.crossAsset.benchmark, config.crossAsset.factors, topics.bars);
            relations.sinkTo(sink(CrossAsset.class, topics.crossAsset, CrossAsset::getSymbol, "cross-asset"))
                    .uid("sink-cross-asset").name("Kafka " + topics.crossAsset);
            deadLetters = deadLetters.union(relations.getSideOutput(DeadLetters.TAG));
        }

        bars.map(LiveAnalyticsJob::withoutArrivalTime, new BarTypeInfo())
                .uid("bars-for-topic").name("Bars for topic")
                .sinkTo(sink(Bar.class, topics.bars, Bar::getSymbol, "bars")).uid("sink-bars").name("Kafka " + topics.bars);
        values.sinkTo(sink(IndicatorValues.class, topics.indicators, IndicatorValues::getSymbol, "indicators"))
                .uid("sink-indicators").name("Kafka " + topics.indicators);
        signals.sinkTo(sink(Signal.class, topics.signals, Signal::getSymbol, "signals"))
                .uid("sink-signals").name("Kafka " + topics.signals);
        deadLetters.sinkTo(sink(DeadLetter.class, topics.deadLetters, DeadLetter::getSource, "dead-letters"))
                .uid("sink-dead-letters").name("Kafka " + topics.deadLetters);
    }

    /** The topic gets bars without the wall-clock arrival time, so that its content is deterministic. */
    private static Bar withoutArrivalTime(Bar bar) {
        return Bar.newBuilder(bar).setLastTickArrival(null).build();
    }

    /** Client properties for every Kafka client of the job: the pass-through ones plus what is given here. */
    public Properties kafkaProperties() {
        Properties properties = new Properties();
        properties.putAll(config.kafka.properties);
        return properties;
    }

    /**
     * The settings the live job's speed depends on, shared with the live benchmark. Object reuse: no
     * operator of the job keeps or changes a record it was given, so chained operators can pass records
     * on without the deep copy Flink makes otherwise (for Avro records, the largest cost per tick).
     */
    public static void latencyAndThroughput(Configuration conf) {
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(PipelineOptions.OBJECT_REUSE, true);
        conf.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, WATERMARK_INTERVAL);
        conf.set(ExecutionOptions.BUFFER_TIMEOUT, BUFFER_TIMEOUT);
    }

    private KafkaSource<Either<DeadLetter, Tick>> tickSource() {
        OffsetsInitializer start = switch (config.kafka.startingOffsets) {
            case "earliest" -> OffsetsInitializer.earliest();
            case "latest" -> OffsetsInitializer.latest();
            default -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        };
        Properties properties = kafkaProperties();
        // Ticks written by a transactional producer are used only once committed.
        properties.setProperty("isolation.level", "read_committed");
        KafkaSourceBuilder<Either<DeadLetter, Tick>> builder = KafkaSource.<Either<DeadLetter, Tick>>builder()
                .setBootstrapServers(config.kafka.bootstrapServers)
                .setTopics(config.topics.ticks)
                .setGroupId(config.kafka.groupId)
                .setStartingOffsets(start)
                .setDeserializer(new TickRecordDeserializer())
                .setProperties(properties)
                // Offsets are committed on checkpoints (for monitoring); the checkpoint is the truth.
                .setProperty("commit.offsets.on.checkpoint", "true");
        if (config.kafka.stopAtLatest) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    private <T extends SpecificRecordBase> KafkaSink<T> sink(Class<T> type, String topic,
            SerializableFunction<T, String> key, String name) {
        Properties properties = kafkaProperties();
        properties.setProperty("transaction.timeout.ms", Long.toString(
                ConfigLoader.duration("kafka.transaction-timeout", config.kafka.transactionTimeout).toMillis()));
        return KafkaSink.<T>builder()
                .setBootstrapServers(config.kafka.bootstrapServers)
                .setKafkaProducerConfig(properties)
                .setRecordSerializer(new AvroRecordSerializer<>(type, topic, key))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(config.kafka.transactionalIdPrefix + "-" + name)
                .build();
    }

    /** The Kafka topics the job reads and writes, for checks and for creating them. */
    public List<String> topics() {
        return config.topicsUsed();
    }
}
