package io.daytrade.jobs.montecarlo;

import io.daytrade.backtest.MonteCarlo;
import io.daytrade.operators.montecarlo.MonteCarloPath;
import io.daytrade.operators.montecarlo.MonteCarloPaths;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Monte Carlo paths as one bounded job: the source numbers chunks of paths, the subtasks compute them.
 * Chunks are a fixed size, not a share of the parallelism, and a path depends only on the seed and its
 * index: the result is the same at any parallelism.
 */
public final class MonteCarloJob {

    /** Paths per chunk: small enough to spread 10,000 paths over many subtasks, large enough to be cheap. */
    public static final int CHUNK = 100;

    private MonteCarloJob() {}

    public static SingleOutputStreamOperator<MonteCarloPath> build(StreamExecutionEnvironment env, MonteCarlo.Method method,
            BacktestRun run, int block, long seed, long paths) {
        long chunks = (paths + CHUNK - 1) / CHUNK;
        double perYear = method == MonteCarlo.Method.TRADES ? run.tradesPerYear() : run.barsPerYear();
        double[] returns = method == MonteCarlo.Method.TRADES ? run.tradeReturns() : run.barReturns();
        return env.fromSequence(0, chunks - 1).name("Chunks of " + CHUNK + " paths")
                .rebalance()
                .flatMap(new MonteCarloPaths(method, returns, block, run.capital(), perYear, seed, paths, CHUNK),
                        TypeInformation.of(MonteCarloPath.class))
                .uid("monte-carlo-paths").name("Resample " + method.name().toLowerCase(java.util.Locale.ROOT));
    }
}
