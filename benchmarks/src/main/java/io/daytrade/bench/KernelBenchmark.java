package io.daytrade.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.ta4j.core.BarSeries;

/** One kernel workload over the whole series by one engine: the time of one pass. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KernelBenchmark {

    @Param({"sma_20", "ema_20", "rsi_14", "macd", "bbands", "atr_14", "stoch", "adx_14", "set"})
    public String workload;

    @Param({"daytrade", "plain_loop", "talib", "ta4j"})
    public String engine;

    @Param({"20000"})
    public int bars;

    private Kernel kernel;
    private BenchSeries series;
    private BarSeries ta4jSeries;

    @Setup
    public void setUp() {
        kernel = Kernel.of(workload);
        series = BenchSeries.generate(bars, 42);
        ta4jSeries = engine.equals("ta4j") ? series.toTa4j() : null;
    }

    @Benchmark
    public double pass() {
        return kernel.run(engine, series, ta4jSeries);
    }
}
