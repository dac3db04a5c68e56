package io.daytrade.bench;

import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.indicators.IndicatorType;
import io.daytrade.jobs.AnalyticsPipeline;
import io.daytrade.operators.bars.BarTypeInfo;
import io.daytrade.schemas.Bar;
import io.daytrade.schemas.IndicatorValues;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Suite {@code memory}: the live job's indicator stage holding every indicator type for a growing
 * number of symbols, once with RocksDB and once with heap state, on the embedded cluster. For each
 * size it reports the state's size (a canonical savepoint on disk) and the JVM heap in use after a full
 * GC, against the heap in use before the job: with RocksDB the heap should stay flat as symbols grow.
 */
final class MemorySuite {

    private static final String DONE = "bars-done";

    private final boolean quick;
    private final PrintWriter out;

    MemorySuite(boolean quick, PrintWriter out) {
        this.quick = quick;
        this.out = out;
    }

    Map<String, Object> run(Path work) throws Exception {
        int[] sizes = quick ? new int[] {100, 200} : new int[] {2_500, 5_000, 10_000};
        int bars = quick ? 30 : 60;
        List<IndicatorSpec> specs = Arrays.stream(IndicatorType.values()).map(t -> IndicatorSpec.parse(t.key())).toList();
        out.printf(Locale.ROOT, "%nsuite memory: %d indicators (every type, default parameters), %d bars per symbol%n",
                specs.size(), bars);
        out.printf(Locale.ROOT, "%-8s %8s %16s %18s %16s%n", "backend", "symbols", "state (MiB)", "state/symbol (KiB)",
                "heap growth (MiB)");
        List<Map<String, Object>> workloads = new ArrayList<>();
        List<String> markdown = new ArrayList<>();
        String machine = Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");
        for (String backend : List.of("rocksdb", "hashmap")) {
            for (int symbols : sizes) {
                long baseline = heapAfterGc();
                long[] measured = measure(work.resolve(backend + "-" + symbols), backend, symbols, bars, specs);
                double stateMib = measured[0] / 1048576.0;
                double heapMib = (measured[1] - baseline) / 1048576.0;
                out.printf(Locale.ROOT, "%-8s %8d %16.1f %18.2f %16.1f%n", backend, symbols, stateMib,
                        measured[0] / 1024.0 / symbols, heapMib);
                Map<String, Object> workload = new LinkedHashMap<>();
                workload.put("name", backend + "_" + symbols + "_symbols");
                workload.put("figure", measured[0]);
                workload.put("unit", "state bytes");
                workload.put("heap_growth_bytes", measured[1] - baseline);
                workload.put("baselines", Map.of());
                workload.put("ratios", Map.of());
                workloads.add(workload);
                markdown.add(String.format(Locale.ROOT, "| memory: %s, %,d symbols x %d indicators | %.1f MiB state, %.2f KiB"
                        + " per symbol | heap +%.1f MiB after GC | %s | %s |", backend, symbols, specs.size(), stateMib,
                        measured[0] / 1024.0 / symbols, heapMib, machine, LocalDate.now()));
            }
        }
        out.println();
        out.println("BENCHMARKS.md rows:");
        markdown.forEach(out::println);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("suite", "memory");
        document.put("quick", quick);
        document.put("indicators", specs.size());
        document.put("bars_per_symbol", bars);
        document.put("workloads", workloads);
        return document;
    }

    /** {state bytes, heap bytes in use after a full GC} once every symbol's bars are through. */
    private long[] measure(Path dir, String backend, int symbols, int bars, List<IndicatorSpec> specs) throws Exception {
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, backend);
        // The savepoint goes to files: job-manager memory takes at most 5 MiB of state.
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("checkpoints").toUri().toString());
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(1));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.configure(conf);
        env.setParallelism(1);
        long total = (long) symbols * bars;
        GeneratorFunction<Long, Bar> generator = index -> index < total
                ? bar("S" + (index % symbols), index / symbols)
                : bar("~idle", index / symbols); // keeps the job alive for the savepoint, on one key
        DataGeneratorSource<Bar> source = new DataGeneratorSource<>(generator, Long.MAX_VALUE,
                RateLimiterStrategy.perSecond(quick ? 20_000 : 60_000), new BarTypeInfo());
        var values = AnalyticsPipeline.indicators(
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "Generated bars").uid("generated-bars"),
                specs, "bench");
        values.map(new CountDone(), new AvroTypeInfo<>(IndicatorValues.class)).name("Count")
                .sinkTo(new DiscardingSink<>()).name("Discard");
        JobClient job = env.executeAsync("daytrade bench memory " + backend + " " + symbols);
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (System.nanoTime() < deadline) {
                Object done = job.getAccumulators().get(30, TimeUnit.SECONDS).get(DONE);
                if (done instanceof Number n && n.longValue() >= total) {
                    break;
                }
                Thread.sleep(500);
            }
            long heap = heapAfterGc();
            String savepoint = job.triggerSavepoint(dir.toUri().toString(), SavepointFormatType.CANONICAL)
                    .get(5, TimeUnit.MINUTES);
            return new long[] {size(Path.of(java.net.URI.create(savepoint))), heap};
        } finally {
            job.cancel().get(2, TimeUnit.MINUTES);
        }
    }

    private static Bar bar(String symbol, long minute) {
        double price = 100 + Math.sin(minute / 7.0 + symbol.hashCode()) * 5 + (minute % 13) * 0.1;
        long start = 1_700_000_000_000L + minute * 60_000L;
        return Bar.newBuilder().setSymbol(symbol).setInterval("1m").setWindowStart(Instant.ofEpochMilli(start))
                .setWindowEnd(Instant.ofEpochMilli(start + 60_000)).setOpen(price).setHigh(price * 1.01)
                .setLow(price * 0.99).setClose(price * 1.002).setVolume(1_000 + minute % 100).setTickCount(10)
                .setVwap(price).build();
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long size(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** Counts the generated symbols' bars through the indicators (not the idle key's). */
    static final class CountDone extends RichMapFunction<IndicatorValues, IndicatorValues> {
        private static final long serialVersionUID = 1L;
        private transient LongCounter done;

        @Override
        public void open(OpenContext openContext) {
            done = getRuntimeContext().getLongCounter(DONE);
        }

        @Override
        public IndicatorValues map(IndicatorValues values) {
            if (!values.getSymbol().toString().startsWith("~")) {
                done.add(1);
            }
            return values;
        }
    }
}
