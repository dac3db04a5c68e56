package io.daytrade.bench;

import io.daytrade.indicators.IndicatorSet;
import io.daytrade.operators.IdleKeyCleanup;
import io.daytrade.operators.bars.BarTypeInfo;
import io.daytrade.operators.bars.ExactSum;
import io.daytrade.operators.bars.FixedPointSum;
import io.daytrade.operators.statecache.StateCachingKeyedProcessOperator;
import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.jobs.AnalyticsPipeline;
import io.daytrade.jobs.live.LiveAnalyticsJob;
import io.daytrade.operators.bars.BarInterval;
import io.daytrade.operators.signals.SignalFunction;
import io.daytrade.schemas.Bar;
import io.daytrade.schemas.IndicatorValues;
import io.daytrade.schemas.Side;
import io.daytrade.schemas.Tick;
import io.daytrade.signals.RuleDefinition;
import io.daytrade.signals.RuleMemory;
import io.daytrade.signals.SignalRules;
import io.daytrade.state.StateBackendSettings;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Suite {@code live}: ticks per second through the live job's operators (event-time watermarks, ticks to
 * 1-minute bars, indicators, signal rules) on the embedded cluster at parallelism 1 and 2, with heap state
 * and with RocksDB, exactly-once checkpoints every 10 s, from an in-memory source to a discarding sink;
 * the latency from a tick's arrival to its bar's indicators at half the measured maximum rate (a feed whose
 * event time is the wall clock, as a live feed's is); and the
 * whole live job from and to the real Kafka broker ({@link KafkaLiveWorkload}). The baseline is one
 * thread doing the same bar aggregation (looking each tick's symbol up, as the job must), indicator and
 * rule work with the same classes on the same ticks, its passes timed before the throughput runs and after
 * them and pooled.
 *
 * <p>Throughput is counted by the in-memory source's readers, from the first tick to the end of the input,
 * so job start and the final checkpoint are not in it; the readers wait at {@link SourceGate} until the JIT
 * has compiled what the job's start ran, so that the JIT's CPU is not in it either. Each configuration runs
 * two to six times first, for the JIT (until the compilers' CPU in a run is small), then three times; the
 * median and the spread are reported. The latency runs of each backend (three, the
 * median's p99 reported with every run's) follow a five-second run of the same job at the same rate, for
 * the same reason.
 */
final class LiveSuite {

    static final int SYMBOLS = 100;
    /** Measured runs of the latency job per backend, after its warm-up run. */
    static final int LATENCY_RUNS = 3;
    /** A pass of the plain loop over this many ticks takes tens of milliseconds; its arrays fit in memory. */
    static final int PLAIN_LOOP_TICKS = 4_000_000;
    static final String INDICATORS = "sma(10),sma(50),rsi(14),ema(20)";
    static final List<RuleDefinition> RULES = List.of(
            new RuleDefinition("cross", "crosses_above(sma_10, sma_50)", Side.BUY),
            new RuleDefinition("oversold", "rsi_14 < 30", Side.BUY));
    private static final String[] SYMBOL_NAMES = new String[SYMBOLS];

    static {
        for (int s = 0; s < SYMBOLS; s++) {
            SYMBOL_NAMES[s] = String.format(Locale.ROOT, "S%02d", s);
        }
    }

    /**
     * Every run's source starts once the JIT compilers have used at most a clock tick of CPU in this
     * window after the job's start (the job start's own code compiled), or after the maximum.
     */
    static final long JIT_QUIET_WINDOW_MILLIS = 250;
    static final long JIT_QUIET_MAX_MILLIS = 10_000;
    /** Warm-up runs of each throughput configuration: until one's compiler CPU is at most this. */
    static final int MIN_WARM_UPS = 2;
    static final int MAX_WARM_UPS = 6;
    static final long WARM_COMPILER_CPU_MILLIS = 200;

    private final boolean quick;
    private final PrintWriter out;
    /** Of the last run: how long its source was held for the JIT, and the JIT's CPU from then to its end. */
    private long lastHeldMillis;
    private long lastCompilerCpuMillis;
    private final String machine = Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");

    LiveSuite(boolean quick, PrintWriter out) {
        this.quick = quick;
        this.out = out;
    }

    Map<String, Object> run(Path work) throws Exception {
        long ticks = quick ? 100_000 : 24_000_000;
        int plainTicks = quick ? 100_000 : PLAIN_LOOP_TICKS;
        List<Double> naivePasses = plainLoop(plainTicks, false);
        List<Double> plainPasses = plainLoop(plainTicks, true);
        List<Map<String, Object>> workloads = new ArrayList<>();
        List<String> markdown = new ArrayList<>();
        Map<String, Double> maxRates = new LinkedHashMap<>();
        double[] balanceBefore = CoreBalance.read(quick);
        // For profiling one part (e.g. -Ddaytrade.bench.live.only=rocksdb-2, or kafka, with a JFR recording).
        String only = System.getProperty("daytrade.bench.live.only");
        List<Throughput> throughputs = new ArrayList<>();
        for (String backend : List.of("hashmap", "rocksdb")) {
            for (int p = 1; p <= 2; p++) {
                if (only != null && !only.equals(backend + "-" + p)) {
                    continue;
                }
                Path dir = work.resolve(backend + "-" + p);
                // Warm-up runs until the JIT compilers take little CPU in one (or at most six): two were the
                // rule until session 21, and the compilers then still took 0.5-1.5 s of CPU in the first
                // timed run, falling run by run.
                int warmUps = 0;
                while (!quick && warmUps < MAX_WARM_UPS && (warmUps < MIN_WARM_UPS
                        || lastCompilerCpuMillis > WARM_COMPILER_CPU_MILLIS)) {
                    runJob(dir, backend, p, ticks / 2, 0);
                    warmUps++;
                }
                List<Double> rates = new ArrayList<>();
                List<Long> held = new ArrayList<>();
                List<Long> compiling = new ArrayList<>();
                for (int run = 0; run < (quick ? 1 : 3); run++) {
                    runJob(dir, backend, p, ticks, 0);
                    rates.add(SourceSpan.rate(ticks));
                    held.add(lastHeldMillis);
                    compiling.add(lastCompilerCpuMillis);
                }
                Throughput result = new Throughput(backend, p, Spread.of(rates), warmUps, held, compiling);
                maxRates.put(backend + "-" + p, result.rate().median());
                throughputs.add(result);
            }
        }
        // The loops again after the jobs, their passes pooled with those before: the baseline brackets the
        // runs it is compared with. Measured before them only, it moved 77-167 M ticks/s (naive sums)
        // between invocations on a day, and the ratios with it (session 21).
        naivePasses.addAll(plainLoop(plainTicks, false));
        plainPasses.addAll(plainLoop(plainTicks, true));
        Spread naive = Spread.of(naivePasses);
        Spread plain = Spread.of(plainPasses);
        out.printf(Locale.ROOT, "%nsuite live: %,d ticks of %d symbols -> 1m bars -> %s -> 2 rules; exactly-once"
                + " checkpoints every 10 s; job start excluded%n", ticks, SYMBOLS, INDICATORS);
        out.printf(Locale.ROOT, "%-30s %16s %22s %12s %12s%n", "", "ticks/s (median)", "spread (min..max)", "vs plain",
                "vs naive");
        out.printf(Locale.ROOT, "%-30s %,16.0f %22s %12s %11.3fx%n", "plain loop (1 thread)", plain.median(),
                plain.range(), "1.000x", plain.median() / naive.median());
        out.printf(Locale.ROOT, "%-30s %,16.0f %22s %11.3fx %12s%n", "plain loop, naive sums", naive.median(),
                naive.range(), naive.median() / plain.median(), "1.000x");
        out.printf(Locale.ROOT, "%-30s   (%d passes each, half before the jobs and half after)%n", "", plainPasses.size());
        for (Throughput result : throughputs) {
            Spread rate = result.rate();
            String name = "live_" + result.backend() + "_p" + result.parallelism();
            out.printf(Locale.ROOT, "%-30s %,16.0f %22s %11.3fx %11.3fx%n", name, rate.median(), rate.range(),
                    rate.median() / plain.median(), rate.median() / naive.median());
            out.printf(Locale.ROOT, "%-30s   (after %d warm-up runs; readers held %s ms after job start for the JIT;"
                    + " compiler CPU %s ms in each run)%n", "", result.warmUps(), result.held(), result.compiling());
            Map<String, Object> workload = throughputWorkload(name, rate, plain, naive);
            workload.put("warm_up_runs", result.warmUps());
            workload.put("held_for_jit_ms", result.held());
            workload.put("compiler_cpu_ms", result.compiling());
            workloads.add(workload);
            markdown.add(String.format(Locale.ROOT, "| live: %s, p=%d, in-memory source and sink | %.2f M ticks/s"
                    + " (%s) | %.3fx plain loop, %.3fx naive-sum loop | %s | %s |", result.backend(), result.parallelism(),
                    rate.median() / 1e6, rate.range(), rate.median() / plain.median(), rate.median() / naive.median(),
                    machine, LocalDate.now()));
        }
        if (only != null && only.startsWith("latency-")) {
            // One latency run at a given rate (-Ddaytrade.bench.live.rate, ticks/s), for profiling.
            String backend = only.substring("latency-".length());
            maxRates.put(backend + "-2", 2 * Double.parseDouble(System.getProperty("daytrade.bench.live.rate", "2000000")));
            for (int warmUp = 0; warmUp < 2; warmUp++) { // as the throughput runs warm the JIT in a whole suite
                runJob(work.resolve("warm-up"), backend, 2, ticks / 2, 0);
            }
        } else if (only != null && !only.equals("kafka")) {
            return Map.of("suite", "live", "workloads", workloads);
        }
        for (String backend : only == null ? List.of("hashmap", "rocksdb")
                : only.startsWith("latency-") ? List.of(only.substring("latency-".length())) : List.<String>of()) {
            double half = maxRates.get(backend + "-2") / 2;
            long count = quick ? 20_000 : (long) (half * 15) / 2 * 2;
            // A warm-up run of the latency job itself: the throughput runs warm the JIT for their own source
            // and 1-minute bars, not for this feed and its 1-second bars. Without it the first bar of every
            // symbol took 100-200 ms in each run examined, and that first second decided the p99.
            runJob(work.resolve("latency-warm-up-" + backend), backend, 2, quick ? count : (long) (half * 5) / 2 * 2, half);
            // Several runs, the median reported: a run's p99 is in effect its worst second, since the bars of
            // all symbols close together at each second's watermark, and one stall of the host decided it.
            List<Latencies> runs = new ArrayList<>();
            List<Double> rates = new ArrayList<>();
            List<Long> held = new ArrayList<>();
            for (int run = 0; run < LATENCY_RUNS; run++) {
                JobExecutionResult result = runJob(work.resolve("latency-" + backend + "-" + run), backend, 2, count, half);
                runs.add(Latencies.of(result.getAccumulatorResult(LatencyRecorder.NAME)));
                rates.add(ThroughputProbe.rate(result));
                held.add(lastHeldMillis);
            }
            List<Integer> p99s = runs.stream().map(Latencies::p99).toList();
            int median = IntStream.range(0, runs.size()).boxed().sorted(Comparator.comparing(p99s::get)).toList()
                    .get(runs.size() / 2);
            Latencies latency = runs.get(median);
            double achieved = rates.get(median);
            String name = "latency_" + backend + "_p2";
            out.printf(Locale.ROOT, "%-30s p50 %d ms, p99 %d ms (the median of %d runs' %s), max %d ms over %,d bars at %,.0f"
                    + " ticks/s (asked %,.0f: half the maximum; feeds held %s ms for the JIT)%n", name, latency.p50(),
                    latency.p99(), runs.size(), p99s, latency.max(), latency.count(), achieved, half, held);
            Map<String, Object> workload = new LinkedHashMap<>();
            workload.put("name", name);
            workload.put("figure", latency.p99());
            workload.put("unit", "ms (p99, tick arrival to its bar's indicators; the median run's)");
            workload.put("p99_runs_ms", p99s);
            workload.put("p50_ms", latency.p50());
            workload.put("max_ms", latency.max());
            workload.put("bars", latency.count());
            workload.put("ticks_per_second", achieved);
            workload.put("held_for_jit_ms", held);
            workload.put("baselines", Map.of());
            workload.put("ratios", Map.of());
            workloads.add(workload);
            markdown.add(String.format(Locale.ROOT, "| live latency: %s, p=2, 1s bars at %.2f M ticks/s (half the maximum) |"
                    + " p50 %d ms, p99 %d ms (runs: %s), max %d ms | - | %s | %s |", backend, achieved / 1e6, latency.p50(),
                    latency.p99(), p99s, latency.max(), machine, LocalDate.now()));
        }
        if (only != null && only.startsWith("latency-")) {
            return Map.of("suite", "live", "workloads", workloads);
        }
        Map<String, Object> kafka = new KafkaLiveWorkload(quick, out).run(work.resolve("kafka"), plain, naive);
        workloads.add(kafka);
        double[] balanceAfter = CoreBalance.read(quick);
        out.println(CoreBalance.line(balanceBefore, balanceAfter));
        markdown.add(String.format(Locale.ROOT, "| live: Kafka to Kafka, exactly-once, rocksdb, p=2 | %.2f M ticks/s | %.3fx"
                + " plain loop | %s | %s |", (double) kafka.get("figure") / 1e6,
                (double) kafka.get("figure") / plain.median(), machine, LocalDate.now()));
        out.println();
        out.println("BENCHMARKS.md rows:");
        out.println(String.format(Locale.ROOT, "| live: plain loop (1 thread), exact sums | %.2f M ticks/s (%s) | 1 | %s | %s |",
                plain.median() / 1e6, plain.range(), machine, LocalDate.now()));
        out.println(String.format(Locale.ROOT, "| live: plain loop (1 thread), naive sums | %.2f M ticks/s (%s) | %.3fx plain loop | %s | %s |",
                naive.median() / 1e6, naive.range(), naive.median() / plain.median(), machine, LocalDate.now()));
        markdown.forEach(out::println);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("suite", "live");
        document.put("quick", quick);
        document.put("ticks", ticks);
        document.put("workloads", workloads);
        document.put("core_balance", Map.of("before", balanceBefore, "after", balanceAfter));
        return document;
    }

    static Map<String, Object> throughputWorkload(String name, Spread rate, Spread plain, Spread naive) {
        Map<String, Object> workload = new LinkedHashMap<>();
        workload.put("name", name);
        workload.put("figure", rate.median());
        workload.put("unit", "ticks/s");
        workload.put("min", rate.min());
        workload.put("max", rate.max());
        workload.put("baselines", Map.of("plain_loop", plain.median(), "plain_loop_naive_sums", naive.median()));
        workload.put("ratios", Map.of("vs_plain_loop", rate.median() / plain.median(),
                "vs_plain_loop_naive_sums", rate.median() / naive.median()));
        return workload;
    }

    /**
     * The live operators over {@code ticks} generated ticks.
     *
     * @param ticksPerSecond 0 for as fast as the job goes, with synthetic event times (6 ms apart) and
     *     1-minute bars; otherwise a feed at that rate whose event times are the wall clock's, as a live
     *     feed's are, in 1-second bars (so that a run of seconds has thousands of bars to measure)
     */
    private JobExecutionResult runJob(Path dir, String backend, int parallelism, long ticks, double ticksPerSecond)
            throws Exception {
        Configuration conf = backend.equals("rocksdb")
                ? StateBackendSettings.rocksDbWithIncrementalCheckpoints(dir.resolve("checkpoints").toUri().toString(),
                        Duration.ofSeconds(10))
                : new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(10));
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        LiveAnalyticsJob.latencyAndThroughput(conf);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.configure(conf);
        env.setParallelism(parallelism);
        boolean live = ticksPerSecond > 0;
        WatermarkStrategy<Tick> watermarks = WatermarkStrategy.<Tick>forMonotonousTimestamps()
                .withTimestampAssigner((tick, previous) -> tick.getEventTime().toEpochMilli());
        DataStream<Tick> ticksIn;
        if (live) {
            ticksIn = env.fromSource(new DataGeneratorSource<>(new WallClockTicks(ticksPerSecond / parallelism), ticks,
                    new AvroTypeInfo<>(Tick.class)), watermarks, "Generated ticks");
        } else {
            // Ticks made before the clock starts, as the plain loop's are: the job's cost, not the generator's.
            InMemoryTicks.ensure(ticks);
            long perSubtask = Math.max(1, ticks / parallelism);
            int subtasks = parallelism;
            ticksIn = env.fromSource(new InMemoryTickSource(ticks,
                    (number, reused) -> InMemoryTicks.fill(number % perSubtask * subtasks + number / perSubtask, reused)),
                    watermarks, "Ticks in memory");
        }
        // The in-memory source notes its own span: no operator of the benchmark's in the chain it bounds.
        DataStream<Tick> source = live
                ? ticksIn.transform("Throughput probe", new AvroTypeInfo<>(Tick.class), new ThroughputProbe<>())
                : ticksIn;
        List<IndicatorSpec> specs = IndicatorSpec.parseList(INDICATORS);
        // As the live job's state.cached-keys; -Ddaytrade.bench.live.cached-keys=0 measures without the cache.
        int cachedKeys = Integer.getInteger("daytrade.bench.live.cached-keys", StateCachingKeyedProcessOperator.DEFAULT_MAX_KEYS);
        DataStream<Bar> bars = AnalyticsPipeline.bars(source, List.of(BarInterval.parse(live ? "1s" : "1m")), false, "bench",
                cachedKeys);
        // The latency probe only where latency is measured: its board of arrivals, shared by two threads, and
        // its histogram cost the throughput runs a tenth of their bars and indicator threads, for no figure.
        if (live) {
            bars = bars.map(LatencyRecorder.noteArrival(), new BarTypeInfo()).name("Note arrival");
        }
        SingleOutputStreamOperator<IndicatorValues> values = AnalyticsPipeline.indicators(bars, specs, "bench", IdleKeyCleanup.never(),
                cachedKeys);
        if (live) {
            values = values.map(new LatencyRecorder(), new AvroTypeInfo<>(IndicatorValues.class));
        }
        AnalyticsPipeline.signals(values, RULES, new IndicatorSet(specs).columns(), IdleKeyCleanup.never(), cachedKeys)
                .sinkTo(new DiscardingSink<>());
        SourceSpan.reset();
        String name = "daytrade bench live " + backend + " p" + parallelism;
        SourceGate.close();
        JobClient job = env.executeAsync(name);
        try {
            SourceGate.awaitReaders(parallelism, 120_000);
            lastHeldMillis = quick ? 0 : Jit.awaitQuiet(JIT_QUIET_WINDOW_MILLIS, JIT_QUIET_MAX_MILLIS);
        } catch (TimeoutException e) {
            job.cancel();
            throw e;
        } finally {
            SourceGate.open();
        }
        long compiledBefore = Jit.compilerCpuMillis();
        JobExecutionResult result = job.getJobExecutionResult().get();
        lastCompilerCpuMillis = compiledBefore < 0 ? -1 : Jit.compilerCpuMillis() - compiledBefore;
        return result;
    }

    /**
     * The ticks the in-memory runs read, as columns of primitives made once: a tick record is filled from
     * them as it is read, as the live job's decoder fills its one record from a Kafka record. Kept as
     * records instead, 12 M of them (a gigabyte of small objects) made the collector pause for up to 1.5 s
     * inside timed runs.
     */
    static final class InMemoryTicks {
        private static int[] symbols = new int[0];
        private static long[] times = new long[0];
        private static double[] prices = new double[0];
        private static double[] sizes = new double[0];

        private InMemoryTicks() {}

        static synchronized void ensure(long count) {
            if (times.length < count) {
                int n = (int) count;
                int[] symbol = new int[n];
                long[] time = new long[n];
                double[] price = new double[n];
                double[] size = new double[n];
                for (int i = 0; i < n; i++) {
                    Tick tick = tick(i);
                    symbol[i] = i % SYMBOLS;
                    time[i] = tick.getEventTime().toEpochMilli();
                    price[i] = tick.getPrice();
                    size[i] = tick.getSize();
                }
                symbols = symbol;
                times = time;
                prices = price;
                sizes = size;
            }
        }

        /** {@code reused}, now tick {@code i}: equal to {@link LiveSuite#tick(long) tick(i)}. */
        static Tick fill(long i, Tick reused) {
            int k = (int) i;
            reused.setSymbol(SYMBOL_NAMES[symbols[k]]);
            reused.setEventTime(Instant.ofEpochMilli(times[k]));
            reused.setPrice(prices[k]);
            reused.setSize(sizes[k]);
            reused.setExchange(null);
            reused.setTradeId(null);
            reused.setSequence(i);
            return reused;
        }
    }

    /**
     * A feed at wall-clock pace: tick i of symbol i mod 100, stamped with the time it is made, each
     * subtask at its share of the rate. It paces itself (Flink's rate limiter hands every record to another
     * thread, which costs more than the job at millions per second): when ahead of its schedule by more
     * than a millisecond it sleeps a millisecond, which delays the source's other work by no more.
     */
    static final class WallClockTicks implements GeneratorFunction<Long, Tick> {
        private static final long serialVersionUID = 1L;
        private final double perSecond;
        private transient long started;
        private transient long made;

        WallClockTicks(double perSecond) {
            this.perSecond = perSecond;
        }

        @Override
        public Tick map(Long i) throws InterruptedException {
            if (made++ == 0) {
                awaitGate();
                started = System.nanoTime();
            } else if ((made & 63) == 0) {
                while ((long) (made * 1e9 / perSecond) - (System.nanoTime() - started) > 1_000_000L) {
                    Thread.sleep(1);
                }
            }
            int symbol = (int) (i % SYMBOLS);
            return new Tick(SYMBOL_NAMES[symbol], Instant.ofEpochMilli(System.currentTimeMillis()), price(i, symbol),
                    (double) (1 + i % 50), null, null, i);
        }

        /**
         * As the in-memory readers do, though blocking (as the pacing does): the first second after a job's
         * start, with the JIT compiling what the start ran, decided a run's p99.
         */
        private static void awaitGate() throws InterruptedException {
            SourceGate.arrived();
            try {
                SourceGate.opened().get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("the gate never fails", e);
            }
        }
    }

    /** Tick i: symbol i mod 100, 6 ms apart (100 ticks per symbol and minute), a sawtooth price. */
    static Tick tick(long i) {
        int symbol = (int) (i % SYMBOLS);
        return new Tick(SYMBOL_NAMES[symbol], Instant.ofEpochMilli(1_700_000_000_000L + i * 6), price(i, symbol),
                (double) (1 + i % 50), null, null, i);
    }

    private static double price(long i, int symbol) {
        return 100 + symbol + ((i * 7919 + symbol * 31) % 997) / 100.0;
    }

    /**
     * The baseline: one thread over the same ticks as arrays (generated before the clock starts: the
     * practical limit), per tick a lookup of its symbol's state by name, a running 1-minute bar (open,
     * high, low, close, volume, notional) closed when a tick of a later minute comes, then the same
     * indicator set and the same compiled rules on each bar. A pass takes tens of milliseconds, so one
     * JIT compilation or GC pause moves a single pass a lot: passes run for two seconds of warm-up, then
     * fifteen are timed; their rates are returned, for the caller to pool and take the median of.
     */
    private List<Double> plainLoop(int ticks, boolean exactSums) {
        String[] symbols = new String[ticks];
        long[] times = new long[ticks];
        double[] prices = new double[ticks];
        double[] sizes = new double[ticks];
        for (int i = 0; i < ticks; i++) {
            Tick tick = tick(i); // the very ticks the jobs read
            symbols[i] = tick.getSymbol();
            times[i] = tick.getEventTime().toEpochMilli();
            prices[i] = tick.getPrice();
            sizes[i] = tick.getSize();
        }
        long warmUpEnds = System.nanoTime() + (quick ? 0 : 2_000_000_000L);
        List<Double> rates = new ArrayList<>();
        for (int pass = 0; rates.size() < (quick ? 2 : 15); pass++) {
            long started = System.nanoTime();
            long fired = plainPass(symbols, times, prices, sizes, exactSums);
            long ended = System.nanoTime();
            if (pass > 0 && started >= warmUpEnds) {
                rates.add(ticks / ((ended - started) / 1e9));
            }
            if (fired < 0) {
                throw new IllegalStateException("unreachable");
            }
        }
        return rates;
    }

    /** One symbol's running bar and indicators in the plain loop. */
    private static final class PlainSymbol {
        final IndicatorSet indicators;
        final RuleMemory memory;
        long minute = Long.MIN_VALUE;
        double open;
        double high;
        double low;
        double close;
        double volume;
        double notional;
        final ExactSum exactVolume = new ExactSum();
        final ExactSum exactNotional = new ExactSum();
        final FixedPointSum volumeInProgress = new FixedPointSum();
        final FixedPointSum notionalInProgress = new FixedPointSum();

        PlainSymbol(List<IndicatorSpec> specs, SignalRules rules) {
            indicators = new IndicatorSet(specs);
            memory = rules.newMemory();
        }
    }

    /**
     * @param exactSums volume and notional summed exactly, as the job's bars are (so that they do not depend
     *     on the order ticks arrive in or on the parallelism); false: running double sums, which give
     *     other last bits than the job's bars
     */
    private static long plainPass(String[] symbols, long[] times, double[] prices, double[] sizes, boolean exactSums) {
        List<IndicatorSpec> specs = IndicatorSpec.parseList(INDICATORS);
        SignalRules rules = SignalRules.compile(RULES, SignalFunction.rowLayout(new IndicatorSet(specs).columns()));
        Map<String, PlainSymbol> state = new HashMap<>();
        double[] values = new double[new IndicatorSet(specs).columns().size()];
        double[] row = new double[values.length + 1];
        long fired = 0;
        for (int i = 0; i < times.length; i++) {
            PlainSymbol s = state.get(symbols[i]);
            if (s == null) {
                s = new PlainSymbol(specs, rules);
                state.put(symbols[i], s);
            }
            long time = times[i];
            double price = prices[i];
            long window = time - Math.floorMod(time, 60_000L);
            if (window != s.minute) {
                if (s.minute != Long.MIN_VALUE) {
                    if (exactSums) {
                        s.volumeInProgress.drainInto(s.exactVolume);
                        s.notionalInProgress.drainInto(s.exactNotional);
                        s.volume = s.exactVolume.value();
                        s.notional = s.exactNotional.value();
                    }
                    fired += closeBar(s, rules, values, row);
                }
                s.minute = window;
                s.open = price;
                s.high = price;
                s.low = price;
                s.volume = 0;
                s.notional = 0;
                s.exactVolume.clear();
                s.exactNotional.clear();
            }
            s.high = Math.max(s.high, price);
            s.low = Math.min(s.low, price);
            s.close = price;
            if (exactSums) { // as the job's pre-aggregation sums
                s.volumeInProgress.add(sizes[i], s.exactVolume);
                s.notionalInProgress.add(sizes[i] * price, s.exactNotional);
            } else {
                s.volume += sizes[i];
                s.notional += sizes[i] * price;
            }
        }
        return fired;
    }

    private static int closeBar(PlainSymbol s, SignalRules rules, double[] values, double[] row) {
        s.indicators.update(s.open, s.high, s.low, s.close, s.volume, s.minute);
        s.indicators.values(values);
        row[0] = s.close;
        System.arraycopy(values, 0, row, 1, values.length);
        return rules.evaluate(row, s.memory).size();
    }

    /** Median and range of repeated measurements. */
    /** One throughput configuration's timed runs, and how they were prepared. */
    private record Throughput(String backend, int parallelism, Spread rate, int warmUps, List<Long> held,
            List<Long> compiling) {}

    record Spread(double median, double min, double max) {
        static Spread of(List<Double> values) {
            List<Double> sorted = new ArrayList<>(values);
            sorted.sort(null);
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return new Spread(median, sorted.get(0), sorted.get(n - 1));
        }

        String range() {
            return String.format(Locale.ROOT, "%.2f..%.2f M", min / 1e6, max / 1e6);
        }
    }

    /** Percentiles of a histogram accumulator with one bucket per millisecond. */
    record Latencies(int p50, int p99, int max, long count) {
        static Latencies of(TreeMap<Integer, Integer> histogram) {
            long count = 0;
            for (int n : histogram.values()) {
                count += n;
            }
            if (count == 0) {
                throw new IllegalStateException("no bar reached the indicator stage: nothing to measure");
            }
            return new Latencies(percentile(histogram, count, 0.50), percentile(histogram, count, 0.99),
                    histogram.lastKey(), count);
        }

        private static int percentile(TreeMap<Integer, Integer> histogram, long count, double q) {
            long rank = (long) Math.ceil(q * count);
            long seen = 0;
            for (Map.Entry<Integer, Integer> bucket : histogram.entrySet()) {
                seen += bucket.getValue();
                if (seen >= rank) {
                    return bucket.getKey();
                }
            }
            return histogram.lastKey();
        }
    }
}
