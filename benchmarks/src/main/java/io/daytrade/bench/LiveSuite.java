package io.daytrade.bench;

import io.daytrade.indicators.IndicatorSet;
import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.jobs.AnalyticsPipeline;
import io.daytrade.operators.bars.BarInterval;
import io.daytrade.operators.signals.SignalFunction;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Suite {@code live} (in-memory part): ticks per second through the live job's operators (event-time
 * watermarks, ticks to 1-minute bars, indicators, signal rules) on the embedded cluster, from a generated
 * source to a discarding sink, at parallelism 1 and 2, with heap state and with RocksDB (incremental
 * checkpoints every 10 s), against a single-threaded loop doing the same bar aggregation, indicator
 * and rule work with the same classes on the same ticks. Job start is excluded: the time of the same job
 * over no ticks, measured in the same run, is subtracted. Each configuration runs twice first, for the JIT.
 */
final class LiveSuite {

    private static final int SYMBOLS = 100;
    private static final String INDICATORS = "sma(10),sma(50),rsi(14),ema(20)";
    private static final List<RuleDefinition> RULES = List.of(
            new RuleDefinition("cross", "crosses_above(sma_10, sma_50)", Side.BUY),
            new RuleDefinition("oversold", "rsi_14 < 30", Side.BUY));

    private final boolean quick;
    private final PrintWriter out;

    LiveSuite(boolean quick, PrintWriter out) {
        this.quick = quick;
        this.out = out;
    }

    Map<String, Object> run(Path work) throws Exception {
        long ticks = quick ? 100_000 : 4_000_000;
        double plain = plainLoop((int) ticks);
        out.printf(Locale.ROOT, "%nsuite live: %,d ticks of %d symbols -> 1m bars -> %s -> 2 rules; job start excluded%n",
                ticks, SYMBOLS, INDICATORS);
        out.printf(Locale.ROOT, "%-26s %16s %12s%n", "", "ticks/s", "vs plain");
        out.printf(Locale.ROOT, "%-26s %,16.0f %12s%n", "plain loop (1 thread)", plain, "1.000x");
        List<Map<String, Object>> workloads = new ArrayList<>();
        List<String> markdown = new ArrayList<>();
        String machine = Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");
        for (String backend : List.of("hashmap", "rocksdb")) {
            for (int p = 1; p <= 2; p++) {
                Path dir = work.resolve(backend + "-" + p);
                for (int warmUp = 0; warmUp < (quick ? 0 : 2); warmUp++) {
                    runJob(dir, backend, p, ticks / 4);
                }
                double empty = runJob(dir, backend, p, 0);
                double full = runJob(dir, backend, p, ticks);
                // Quick runs are too short for the subtraction to mean anything: they only check the suite runs.
                double rate = ticks / (quick ? full : Math.max(1e-3, full - empty));
                String name = "live_" + backend + "_p" + p;
                out.printf(Locale.ROOT, "%-26s %,16.0f %11.3fx%n", name, rate, rate / plain);
                Map<String, Object> workload = new LinkedHashMap<>();
                workload.put("name", name);
                workload.put("figure", rate);
                workload.put("unit", "ticks/s");
                workload.put("baselines", Map.of("plain_loop", plain));
                workload.put("ratios", Map.of("vs_plain_loop", rate / plain));
                workloads.add(workload);
                markdown.add(String.format(Locale.ROOT, "| live: %s, p=%d, in-memory source and sink | %.2f M ticks/s | %.3fx"
                        + " plain loop | %s | %s |", backend, p, rate / 1e6, rate / plain, machine, LocalDate.now()));
            }
        }
        out.println();
        out.println("BENCHMARKS.md rows:");
        markdown.forEach(out::println);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("suite", "live");
        document.put("quick", quick);
        document.put("ticks", ticks);
        document.put("workloads", workloads);
        return document;
    }

    /** Wall-clock seconds of the live operators over {@code ticks} generated ticks. */
    private double runJob(Path dir, String backend, int parallelism, long ticks) throws Exception {
        Configuration conf = backend.equals("rocksdb")
                ? StateBackendSettings.rocksDbWithIncrementalCheckpoints(dir.resolve("checkpoints").toUri().toString(),
                        Duration.ofSeconds(10))
                : new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.configure(conf);
        env.setParallelism(parallelism);
        GeneratorFunction<Long, Tick> generator = LiveSuite::tick;
        var source = env.fromSource(new DataGeneratorSource<>(generator, ticks, new AvroTypeInfo<>(Tick.class)),
                WatermarkStrategy.<Tick>forMonotonousTimestamps()
                        .withTimestampAssigner((tick, previous) -> tick.getEventTime().toEpochMilli()), "Generated ticks");
        List<IndicatorSpec> specs = IndicatorSpec.parseList(INDICATORS);
        var bars = AnalyticsPipeline.bars(source, List.of(BarInterval.parse("1m")), false, "bench");
        var values = AnalyticsPipeline.indicators(bars, specs, "bench");
        AnalyticsPipeline.signals(values, RULES, new IndicatorSet(specs).columns()).sinkTo(new DiscardingSink<>());
        long started = System.nanoTime();
        env.execute("daytrade bench live " + backend + " p" + parallelism);
        return (System.nanoTime() - started) / 1e9;
    }

    /** Tick i: symbol i mod 100, 6 ms apart, a bounded random walk; generated the same way for both sides. */
    static Tick tick(long i) {
        int symbol = (int) (i % SYMBOLS);
        double price = 100 + symbol + Math.sin(i / 997.0 + symbol) * 3;
        return Tick.newBuilder().setSymbol("S" + symbol).setEventTime(Instant.ofEpochMilli(1_700_000_000_000L + i * 6))
                .setPrice(price).setSize(1 + i % 50).setSequence(i).build();
    }

    /**
     * The baseline: one thread over the same ticks as primitive arrays (generated before the clock starts:
     * the practical limit), per symbol a running 1-minute bar (open, high, low, close, volume, notional)
     * closed when a tick of a later minute comes, then the same indicator set and the same compiled rules
     * on each bar. Median of three passes after a warm-up pass.
     */
    private double plainLoop(int ticks) {
        long[] times = new long[ticks];
        double[] prices = new double[ticks];
        double[] sizes = new double[ticks];
        for (int i = 0; i < ticks; i++) {
            Tick tick = tick(i);
            times[i] = tick.getEventTime().toEpochMilli();
            prices[i] = tick.getPrice();
            sizes[i] = tick.getSize();
        }
        List<Double> rates = new ArrayList<>();
        for (int pass = 0; pass < 4; pass++) {
            long started = System.nanoTime();
            long fired = plainPass(times, prices, sizes);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (pass > 0) {
                rates.add(ticks / seconds);
            }
            if (fired < 0) {
                throw new IllegalStateException("unreachable");
            }
        }
        rates.sort(null);
        return rates.get(1);
    }

    private static long plainPass(long[] times, double[] prices, double[] sizes) {
        int ticks = times.length;
        List<IndicatorSpec> specs = IndicatorSpec.parseList(INDICATORS);
        SignalRules rules = SignalRules.compile(RULES, SignalFunction.rowLayout(new IndicatorSet(specs).columns()));
        IndicatorSet[] indicators = new IndicatorSet[SYMBOLS];
        RuleMemory[] memory = new RuleMemory[SYMBOLS];
        long[] minute = new long[SYMBOLS];
        double[][] bar = new double[SYMBOLS][6];
        double[] values = new double[new IndicatorSet(specs).columns().size()];
        double[] row = new double[values.length + 1];
        long fired = 0;
        for (int s = 0; s < SYMBOLS; s++) {
            indicators[s] = new IndicatorSet(specs);
            memory[s] = rules.newMemory();
            minute[s] = Long.MIN_VALUE;
        }
        for (int i = 0; i < ticks; i++) {
            int s = i % SYMBOLS;
            long time = times[i];
            double price = prices[i];
            long window = time - Math.floorMod(time, 60_000L);
            double[] b = bar[s];
            if (window != minute[s]) {
                if (minute[s] != Long.MIN_VALUE) {
                    fired += closeBar(indicators[s], memory[s], rules, b, minute[s], values, row);
                }
                minute[s] = window;
                b[0] = price;
                b[1] = price;
                b[2] = price;
                b[4] = 0;
                b[5] = 0;
            }
            b[1] = Math.max(b[1], price);
            b[2] = Math.min(b[2], price);
            b[3] = price;
            b[4] += sizes[i];
            b[5] += sizes[i] * price;
        }
        return fired;
    }

    private static int closeBar(IndicatorSet set, RuleMemory memory, SignalRules rules, double[] b, long time,
            double[] values, double[] row) {
        set.update(b[0], b[1], b[2], b[3], b[4], time);
        set.values(values);
        row[0] = b[3];
        System.arraycopy(values, 0, row, 1, values.length);
        return rules.evaluate(row, memory).size();
    }
}
