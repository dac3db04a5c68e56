package io.daytrade.operators.montecarlo;

import io.daytrade.backtest.MonteCarlo;
import io.daytrade.operators.sweep.SweepProgress;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * Computes the paths of one chunk ({@code chunk * chunkSize} onwards). Chunks are numbered by the
 * source and spread over the subtasks; each path depends only on its index and the seed.
 */
public class MonteCarloPaths extends RichFlatMapFunction<Long, MonteCarloPath> {

    private static final long serialVersionUID = 1L;

    private final MonteCarlo.Method method;
    private final double[] returns;
    private final int block;
    private final double capital;
    private final double periodsPerYear;
    private final long seed;
    private final long paths;
    private final int chunkSize;

    private transient MonteCarlo monteCarlo;
    private transient LongCounter done;
    private transient Counter pathsDone;

    public MonteCarloPaths(MonteCarlo.Method method, double[] returns, int block, double capital, double periodsPerYear,
            long seed, long paths, int chunkSize) {
        this.method = method;
        this.returns = returns;
        this.block = block;
        this.capital = capital;
        this.periodsPerYear = periodsPerYear;
        this.seed = seed;
        this.paths = paths;
        this.chunkSize = chunkSize;
    }

    @Override
    public void open(OpenContext openContext) {
        monteCarlo = new MonteCarlo(method, returns, block, capital, periodsPerYear, seed);
        done = getRuntimeContext().getLongCounter(SweepProgress.DONE);
        pathsDone = getRuntimeContext().getMetricGroup().counter("pathsDone");
    }

    @Override
    public void flatMap(Long chunk, Collector<MonteCarloPath> out) {
        long end = Math.min(paths, (chunk + 1) * chunkSize);
        for (long index = chunk * chunkSize; index < end; index++) {
            MonteCarlo.Path path = monteCarlo.path(index);
            MonteCarloPath result = new MonteCarloPath();
            result.index = index;
            result.finalEquity = path.finalEquity();
            result.maxDrawdown = path.maxDrawdown();
            result.sharpe = path.sharpe();
            out.collect(result);
            done.add(1);
            pathsDone.inc();
        }
    }
}
