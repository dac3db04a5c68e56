package io.daytrade.cli;

import io.daytrade.backtest.PerformanceMetrics;
import io.daytrade.backtest.SweepPlan;

import picocli.CommandLine.Option;

/** The strategy, its parameter grid and the metric that ranks: what {@code sweep} and {@code walk-forward} share. */
final class GridOptions {

    @Option(names = "--strategy", required = true, paramLabel = "SPEC",
            description = "A built-in, e.g. sma_cross, or with fixed parameters: bbands_breakout(n=20).")
    String strategy;

    @Option(names = "--grid", required = true, paramLabel = "GRID", description = "e.g. fast=5..50:5,slow=20..200:20")
    String grid;

    @Option(names = "--random", paramLabel = "N", defaultValue = "0",
            description = "Evaluate N parameter sets drawn at random from the grid instead of all of them.")
    int random;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of --random (default 1).")
    long seed;

    @Option(names = "--metric", defaultValue = "sharpe", paramLabel = "NAME",
            description = "Metric that ranks parameter sets (default sharpe); any report.json metric. Risk and cost"
                    + " metrics (volatility, max_drawdown, max_drawdown_duration, turnover, fees_paid) rank lowest first.")
    String metric;

    /** The valid parameter sets, or a one-line error naming the option that is wrong. */
    SweepPlan plan() {
        if (!PerformanceMetrics.names().contains(metric)) {
            throw new UserError("--metric: unknown metric '" + metric + "'; one of " + String.join(", ", PerformanceMetrics.names()));
        }
        SweepPlan plan;
        try {
            plan = SweepPlan.of(strategy, grid, random, seed);
        } catch (IllegalArgumentException e) {
            throw new UserError((e.getMessage().startsWith("unknown strategy") ? "--strategy: " : "--grid: ") + e.getMessage());
        }
        if (plan.parameterSets().length == 0) {
            throw new UserError("--grid: none of its " + plan.considered() + " combinations is valid: " + plan.skipped().keySet());
        }
        return plan;
    }
}
