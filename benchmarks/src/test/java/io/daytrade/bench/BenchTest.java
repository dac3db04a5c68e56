package io.daytrade.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.daytrade.schemas.Tick;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CI checks that the suite runs and writes its results; it never asserts a speed. */
class BenchTest {

    @Test
    void theKernelsSuiteRunsQuicklyAndWritesEveryWorkloadWithItsBaselines(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("kernels.json");
        assertThat(Bench.run("--suite", "kernels", "--quick", "--json", json.toString())).isZero();
        JsonNode document = new ObjectMapper().readTree(json.toFile());
        assertThat(document.path("suite").asText()).isEqualTo("kernels");
        assertThat(document.path("workloads")).hasSize(Kernel.values().length);
        for (JsonNode workload : document.path("workloads")) {
            assertThat(workload.path("unit").asText()).isEqualTo("bars/s");
            assertThat(workload.path("figure").asDouble()).isPositive();
            assertThat(workload.path("baselines").fieldNames()).toIterable()
                    .containsExactly("plain_loop", "talib", "ta4j");
            assertThat(workload.path("ratios").fieldNames()).toIterable()
                    .containsExactly("vs_plain_loop", "vs_talib", "vs_ta4j");
            assertThat(workload.path("ratios").path("vs_plain_loop").asDouble()).isPositive();
        }
    }

    @Test
    void everyEngineComputesTheSameKernelOutputsOnTheSameSeries() {
        // Like with like: the baselines do the same work, so their checksums over the outputs agree with
        // ours wherever the definitions agree (ta4j seeds its EMA-based indicators differently: excluded).
        BenchSeries series = BenchSeries.generate(3_000, 7);
        for (Kernel kernel : new Kernel[] {Kernel.SMA_20, Kernel.EMA_20, Kernel.RSI_14, Kernel.MACD, Kernel.BBANDS,
                Kernel.ATR_14, Kernel.STOCH, Kernel.ADX_14}) {
            double ours = kernel.run("daytrade", series, null);
            assertThat(kernel.run("talib", series, null)).as("%s TA-Lib", kernel).isCloseTo(ours,
                    org.assertj.core.api.Assertions.withinPercentage(1e-7));
            assertThat(kernel.run("plain_loop", series, null)).as("%s plain loop", kernel).isCloseTo(ours,
                    org.assertj.core.api.Assertions.withinPercentage(1e-7));
        }
        assertThat(Kernel.SMA_20.run("ta4j", series, series.toTa4j())).isPositive();
    }

    @Test
    void theSweepSuiteRunsQuicklyAgreesWithThePlainLoopAndWritesBothParallelisms(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("sweep.json");
        // The suite itself fails when the engine's results and the plain loop's disagree.
        assertThat(Bench.run("--suite", "sweep", "--quick", "--json", json.toString())).isZero();
        JsonNode document = new ObjectMapper().readTree(json.toFile());
        assertThat(document.path("suite").asText()).isEqualTo("sweep");
        assertThat(document.path("workloads")).extracting(w -> w.path("name").asText())
                .containsExactly("sweep_p1", "sweep_p2");
        for (JsonNode workload : document.path("workloads")) {
            assertThat(workload.path("unit").asText()).isEqualTo("bar-evaluations/s");
            assertThat(workload.path("figure").asDouble()).isPositive();
            assertThat(workload.path("baselines").path("plain_loop").asDouble()).isPositive();
            assertThat(workload.path("baselines").path("ta4j").asDouble()).isPositive();
            assertThat(workload.path("ratios").path("vs_plain_loop").asDouble()).isPositive();
            assertThat(workload.path("ratios").path("vs_ta4j").asDouble()).isPositive();
        }
        assertThat(document.path("workloads").get(1).path("ratios").path("vs_p1").asDouble()).isPositive();
        assertThat(document.path("warm_up").path("pairs").asInt()).as("none at the quick size").isZero();
        assertCoreBalance(document);
    }

    /** The cores' balance before and after the timed runs: a share per core, the fastest first at 1. */
    private static void assertCoreBalance(JsonNode document) {
        for (String when : List.of("before", "after")) {
            JsonNode balance = document.path("core_balance").path(when);
            assertThat(balance).as(when).hasSize(Runtime.getRuntime().availableProcessors());
            assertThat(balance.get(0).asDouble()).as("the fastest, %s", when).isEqualTo(1.0);
            balance.forEach(share -> assertThat(share.asDouble()).as(when).isBetween(0.0, 1.0));
        }
    }

    @Test
    void theMemorySuiteMeasuresStateAndHeapForEachBackendAndSize(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("memory.json");
        assertThat(Bench.run("--suite", "memory", "--quick", "--json", json.toString())).isZero();
        JsonNode document = new ObjectMapper().readTree(json.toFile());
        assertThat(document.path("suite").asText()).isEqualTo("memory");
        assertThat(document.path("workloads")).extracting(w -> w.path("name").asText())
                .containsExactly("rocksdb_100_symbols", "rocksdb_200_symbols", "hashmap_100_symbols", "hashmap_200_symbols");
        for (JsonNode workload : document.path("workloads")) {
            assertThat(workload.path("figure").asLong()).as(workload.path("name").asText()).isPositive();
        }
        // Twice the symbols, more state: the measurement sees the symbols.
        assertThat(document.path("workloads").get(1).path("figure").asLong())
                .isGreaterThan(document.path("workloads").get(0).path("figure").asLong());
    }

    @Test
    void theLiveSuiteRunsEveryBackendAndParallelismTheLatencyAndKafkaAgainstThePlainLoop(@TempDir Path dir)
            throws Exception {
        Path json = dir.resolve("live.json");
        assertThat(Bench.run("--suite", "live", "--quick", "--json", json.toString())).isZero();
        JsonNode document = new ObjectMapper().readTree(json.toFile());
        assertThat(document.path("workloads")).extracting(w -> w.path("name").asText())
                .containsExactly("live_hashmap_p1", "live_hashmap_p2", "live_rocksdb_p1", "live_rocksdb_p2",
                        "latency_hashmap_p2", "latency_rocksdb_p2", "live_kafka_exactly_once_p2");
        for (JsonNode workload : document.path("workloads")) {
            String name = workload.path("name").asText();
            if (name.startsWith("latency")) {
                assertThat(workload.path("unit").asText()).startsWith("ms");
                assertThat(workload.path("bars").asLong()).as(name).isPositive();
                // The figure is the median of the runs' p99s.
                List<Integer> p99s = new ArrayList<>();
                workload.path("p99_runs_ms").forEach(p99 -> p99s.add(p99.asInt()));
                assertThat(p99s).hasSize(LiveSuite.LATENCY_RUNS);
                assertThat(p99s.stream().sorted().toList().get(p99s.size() / 2)).isEqualTo(workload.path("figure").asInt());
                assertThat(workload.path("max_ms").asInt()).isGreaterThanOrEqualTo(workload.path("figure").asInt())
                        .isGreaterThanOrEqualTo(workload.path("p50_ms").asInt());
                assertThat(workload.path("baselines").size()).isZero();
                assertThat(workload.path("held_for_jit_ms")).as(name).hasSize(LiveSuite.LATENCY_RUNS);
            } else {
                assertThat(workload.path("unit").asText()).isEqualTo("ticks/s");
                assertThat(workload.path("figure").asDouble()).as(name).isPositive();
                assertThat(workload.path("ratios").path("vs_plain_loop").asDouble()).isPositive();
                // Beside the exact-sum loop (the job's work), the naive-sum loop; no speed is asserted.
                assertThat(workload.path("baselines").path("plain_loop_naive_sums").asDouble()).isPositive();
                assertThat(workload.path("ratios").path("vs_plain_loop_naive_sums").asDouble()).isPositive();
                if (!name.contains("kafka")) {
                    // One run at the quick size, after no warm-up, its readers not held.
                    assertThat(workload.path("warm_up_runs").isInt()).as(name).isTrue();
                    assertThat(workload.path("warm_up_runs").asInt()).as(name).isZero();
                    assertThat(workload.path("held_for_jit_ms")).as(name).hasSize(1);
                    assertThat(workload.path("held_for_jit_ms").get(0).isNumber()).isTrue();
                    assertThat(workload.path("held_for_jit_ms").get(0).asLong()).isZero();
                    assertThat(workload.path("compiler_cpu_ms")).as(name).hasSize(1);
                }
            }
        }
        assertCoreBalance(document);
    }

    @Test
    void theInMemoryTicksFillOneRecordWithTheSameTicksThePlainLoopReads() {
        LiveSuite.InMemoryTicks.ensure(1_000);
        Tick reused = new Tick();
        for (long i : new long[] {0, 1, 99, 100, 537, 999}) {
            assertThat(LiveSuite.InMemoryTicks.fill(i, reused)).isSameAs(reused).isEqualTo(LiveSuite.tick(i));
        }
    }

    @Test
    void anUnknownSuiteIsAClearError() {
        assertThat(Bench.run("--suite", "speed")).isEqualTo(2);
    }
}
