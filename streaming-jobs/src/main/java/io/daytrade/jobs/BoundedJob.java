package io.daytrade.jobs;

import io.daytrade.jobs.csv.BarLineParser;
import io.daytrade.jobs.csv.CsvLayout;
import io.daytrade.jobs.csv.ShardPerSubtaskSource;
import io.daytrade.jobs.csv.SourceLine;
import io.daytrade.jobs.csv.SymbolShardReader;
import io.daytrade.jobs.csv.TickLineParser;
import io.daytrade.operators.bars.BarTypeInfo;
import io.daytrade.operators.deadletters.DeadLetters;
import io.daytrade.operators.sweep.SymbolPartitioner;
import io.daytrade.schemas.Bar;
import io.daytrade.schemas.DeadLetter;
import io.daytrade.schemas.Tick;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.client.deployment.executors.LocalExecutor;
import org.apache.flink.configuration.BatchExecutionOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.NettyShuffleEnvironmentOptions;
import org.apache.flink.configuration.NettyShuffleEnvironmentOptions.CompressionCodec;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;
import org.apache.flink.util.CloseableIterator;

/**
 * A bounded job over files, run in BATCH mode: on the embedded cluster from the command line, on the
 * test MiniCluster in tests, on a real cluster under {@code flink run}. It gathers the results and
 * the dead letters of every stage for the command to write out and report.
 */
public final class BoundedJob {

    /**
     * Each reader of an input file scans all of it for its symbols' lines: a local file is read from
     * the page cache, but a file in an object store is fetched once per reader, so their number is capped.
     */
    static final int MAX_READERS = 4;

    /** The embedded cluster started by {@link #startLocalClusterEarly}, until a job takes it. */
    private static final AtomicReference<EarlyStartedCluster.Starting> PRESTARTED = new AtomicReference<>();

    private final StreamExecutionEnvironment env;
    private final List<DataStream<DeadLetter>> deadLetters = new ArrayList<>();
    /** Streams whose every subtask holds the records of the symbols {@link SymbolPartitioner} sends it. */
    private final Set<DataStream<?>> partitionedBySymbol = Collections.newSetFromMap(new IdentityHashMap<>());

    /** @param parallelism subtasks per operator; 0 keeps the environment's default */
    public BoundedJob(int parallelism) {
        Configuration conf = configuration();
        env = environment(conf, parallelism);
        env.configure(conf);
        if (parallelism > 0) {
            env.setParallelism(parallelism);
        }
    }

    private static Configuration configuration() {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        // Every record is an Avro class or a Flink POJO: a Kryo fallback must fail, not slow us down.
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        // Object reuse, as in the live job: every operator emits a record it made for that call and never
        // changes one it was given, so an operator that keeps its input (the report's writer, keyed state)
        // needs no copy of it. Without it Flink deep-copies each record between chained operators: Avro's
        // copy of every parsed bar was 16% of a sweep's parsing.
        conf.set(PipelineOptions.OBJECT_REUSE, true);
        // Every operator runs at the job's parallelism. BATCH mode's scheduler would otherwise size each
        // operator by the bytes it reads (16 MiB a subtask), the job's parallelism only a ceiling: a sweep or
        // walk-forward over one symbol, a megabyte of bars but minutes of backtests, ran on one subtask.
        conf.set(BatchExecutionOptions.ADAPTIVE_AUTO_PARALLELISM_ENABLED, false);
        // On the embedded cluster, accumulators (a command's progress) reach the client every second.
        conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(1));
        // The embedded cluster allocates its buffers for reading sort-shuffle files when the first stage
        // starts, in every command: with the default 64 MiB the sweep suite's first stage started 0.4-0.7 s
        // after the cluster, with 16 MiB 0.17-0.43 s, and the later stages read their shuffles no slower.
        conf.set(TaskManagerOptions.NETWORK_BATCH_SHUFFLE_READ_MEMORY, MemorySize.ofMebiBytes(16));
        // Its shuffle files stay on this machine's disk, mostly doubles that LZ4 hardly shrinks: compressing
        // them was 18% of the sweep's histories stage in a profile, and half a second of a cold command's
        // compiler time went to the LZ4 code. On a cluster (flink run, --cluster) its own setting holds.
        conf.set(NettyShuffleEnvironmentOptions.SHUFFLE_COMPRESSION_CODEC, CompressionCodec.NONE);
        return conf;
    }

    /**
     * Starts the embedded cluster of a bounded job that will run with {@code parallelism} subtasks (0:
     * one per core), in the background, for the next {@code BoundedJob} to take: the command line calls it
     * before it has even parsed its arguments, so that the cluster starts while the JVM loads the command.
     */
    public static void startLocalClusterEarly(int parallelism) {
        if (PRESTARTED.get() == null) {
            int slots = parallelism > 0 ? parallelism : Runtime.getRuntime().availableProcessors();
            PRESTARTED.set(EarlyStartedCluster.startInBackground(configuration(), slots));
        }
    }

    /**
     * Flink's environment for this program: a cluster's under {@code flink run} or in a test, else the
     * local one, whose embedded cluster was started before the job was built ({@link EarlyStartedCluster}):
     * by the command line, or else now, rather than when the job is submitted.
     */
    private static StreamExecutionEnvironment environment(Configuration conf, int parallelism) {
        StreamExecutionEnvironment resolved = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        if (!(resolved instanceof LocalStreamEnvironment)) {
            return resolved; // the command line starts no cluster there (DayTrade.main)
        }
        int slots = parallelism > 0 ? parallelism : resolved.getParallelism();
        conf.set(DeploymentOptions.TARGET, LocalExecutor.NAME); // what the local environment would set
        conf.set(DeploymentOptions.ATTACHED, true);
        EarlyStartedCluster.Starting cluster = PRESTARTED.getAndSet(null);
        if (cluster == null) {
            cluster = EarlyStartedCluster.startInBackground(conf, slots);
        }
        StreamExecutionEnvironment local = new StreamExecutionEnvironment(new EarlyClusterExecutors(cluster), conf, null);
        local.setParallelism(slots);
        return local;
    }

    /** Closes the embedded clusters of jobs that were built but never run (a command that failed first). */
    public static void closeUnusedClusters() {
        PRESTARTED.set(null);
        EarlyStartedCluster.closeUnclaimed();
    }

    /**
     * Waits until the embedded clusters of the jobs that ran have shut down (their executor closes them
     * without waiting), for a JVM about to exit.
     */
    public static void awaitClustersClosed() {
        EarlyStartedCluster.awaitClosed(Duration.ofSeconds(10));
    }

    public StreamExecutionEnvironment environment() {
        return env;
    }

    /** Ticks of a file whose header was checked by {@link CsvLayout#forTicks}, with event-time stamps. */
    public DataStream<Tick> ticks(Path file, CsvLayout layout) {
        SingleOutputStreamOperator<Tick> ticks = lines(file, "ticks", layout)
                .process(new TickLineParser(layout), new AvroTypeInfo<>(Tick.class))
                .uid("parse-ticks")
                .name("Parse ticks");
        deadLetters.add(ticks.getSideOutput(DeadLetters.TAG));
        return ticks.assignTimestampsAndWatermarks(WatermarkStrategy.<Tick>forMonotonousTimestamps()
                        .withTimestampAssigner((tick, previous) -> tick.getEventTime().toEpochMilli()))
                .uid("tick-timestamps")
                .name("Tick event time");
    }

    /** Bars of a file whose header was checked by {@link CsvLayout#forBars}, stamped with their start. */
    public DataStream<Bar> bars(Path file, CsvLayout layout) {
        SingleOutputStreamOperator<Bar> bars = lines(file, "bars", layout)
                .process(new BarLineParser(layout), new BarTypeInfo())
                .uid("parse-bars")
                .name("Parse bars");
        deadLetters.add(bars.getSideOutput(DeadLetters.TAG));
        DataStream<Bar> stamped = bars.assignTimestampsAndWatermarks(WatermarkStrategy.<Bar>forMonotonousTimestamps()
                        .withTimestampAssigner((bar, previous) -> bar.getWindowStart().toEpochMilli()))
                .uid("bar-timestamps")
                .name("Bar event time");
        if (readers() == env.getParallelism()) {
            partitionedBySymbol.add(stamped);
        }
        return stamped;
    }

    /**
     * {@code bars} with each symbol's in the subtask {@link SymbolPartitioner} picks, in the order they came:
     * as they are, chained, when this job's file readers already put them there (one reader a subtask), else
     * through a shuffle. A sweep's histories are built so without serializing every bar.
     */
    public DataStream<Bar> bySymbol(DataStream<Bar> bars) {
        if (partitionedBySymbol.contains(bars)) {
            return bars.forward();
        }
        return bars.partitionCustom(new SymbolPartitioner(), new SymbolPartitioner.Symbol());
    }

    /** Adds a stage's dead-letter side output to what the job reports. */
    public void collectDeadLetters(SingleOutputStreamOperator<?> stage) {
        deadLetters.add(stage.getSideOutput(DeadLetters.TAG));
    }

    /** Runs the job to the end and returns what reached {@code results}, and every dead letter. */
    public <T> Result<T> run(DataStream<T> results, TypeInformation<T> type, String jobName) throws Exception {
        List<T> records = new ArrayList<>();
        List<DeadLetter> dead = new ArrayList<>();
        try (CloseableIterator<Either<DeadLetter, T>> iterator = withDeadLetters(results, type).executeAndCollect(jobName)) {
            while (iterator.hasNext()) {
                Either<DeadLetter, T> next = iterator.next();
                if (next.isLeft()) {
                    dead.add(next.left());
                } else {
                    records.add(next.right());
                }
            }
        }
        return new Result<>(records, dead);
    }

    /**
     * Runs everything added to the environment (for jobs whose output is written by their own sinks,
     * like a savepoint) and returns every dead letter.
     */
    public List<DeadLetter> runForDeadLetters(String jobName) throws Exception {
        List<DeadLetter> dead = new ArrayList<>();
        if (deadLetters.isEmpty()) {
            env.execute(jobName);
            return dead;
        }
        DataStream<DeadLetter> all = deadLetters.get(0);
        for (DataStream<DeadLetter> stage : deadLetters.subList(1, deadLetters.size())) {
            all = all.union(stage);
        }
        try (CloseableIterator<DeadLetter> iterator = all.executeAndCollect(jobName)) {
            iterator.forEachRemaining(dead::add);
        }
        return dead;
    }

    /**
     * Submits the job with {@code results} and every dead letter going to {@code sink} (one writer),
     * for jobs that write their own output: those work the same under {@code flink run}, from the web
     * UI and from a Kubernetes session job, where nothing can be collected by a client.
     */
    public <T> JobClient submit(DataStream<T> results, TypeInformation<T> type, Sink<Either<DeadLetter, T>> sink,
            String uid, String jobName) throws Exception {
        withDeadLetters(results, type).sinkTo(sink).setParallelism(1).uid(uid).name("Write " + uid);
        return env.executeAsync(jobName);
    }

    private <T> DataStream<Either<DeadLetter, T>> withDeadLetters(DataStream<T> results, TypeInformation<T> type) {
        EitherTypeInfo<DeadLetter, T> either = new EitherTypeInfo<>(new AvroTypeInfo<>(DeadLetter.class), type);
        DataStream<Either<DeadLetter, T>> all = results.map(value -> Either.<DeadLetter, T>Right(value))
                .returns(either).name("Results");
        for (DataStream<DeadLetter> stage : deadLetters) {
            all = all.union(stage.map(dead -> Either.<DeadLetter, T>Left(dead)).returns(either).name("Dead letters"));
        }
        return all;
    }

    /**
     * The file's lines, read by as many subtasks as the job has (up to {@link #MAX_READERS}), each
     * keeping the lines of its share of the symbols ({@link SymbolShardReader}): parsing runs in
     * parallel, and each symbol's lines stay in file order in one subtask, with the parser chained to it.
     * With no parallelism set here (the cluster's default then), one reader takes every line.
     */
    private DataStream<SourceLine> lines(Path file, String what, CsvLayout layout) {
        int shards = readers();
        // A parallel source of the shard numbers, shard i to subtask i, each reader chained to its subtask:
        // the job asks for all its slots at once, where a one-subtask source ahead of the readers had them
        // asked for a second time when the readers were scheduled (a quarter of a second on this machine).
        return env.fromSource(new ShardPerSubtaskSource(shards), WatermarkStrategy.noWatermarks(), what + " file shards")
                .uid("shards-" + what)
                .flatMap(new SymbolShardReader(file.toAbsolutePath().toUri().toString(), file.toString(),
                        layout.position("symbol"), shards), TypeInformation.of(SourceLine.class))
                .uid("read-" + what)
                .name(what + " file " + file.getFileName());
    }

    private int readers() {
        return Math.max(1, Math.min(env.getParallelism(), MAX_READERS));
    }

    /** The records a job produced and the input it could not use. */
    public record Result<T>(List<T> records, List<DeadLetter> deadLetters) {}
}
