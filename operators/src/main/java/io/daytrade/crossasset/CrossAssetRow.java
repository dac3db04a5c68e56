package io.daytrade.crossasset;

/**
 * One symbol's relations at one bar time.
 *
 * @param correlations with each symbol of the set, in the set's order (NaN when a series is constant)
 * @param beta against the benchmark; NaN without one
 * @param alpha intercept of the factor regression; NaN for a factor itself or without factors
 * @param factorBetas one coefficient per factor; null for a factor itself or without factors
 */
public record CrossAssetRow(String symbol, long time, double[] correlations, double beta, double benchmarkCorrelation,
        double alpha, double[] factorBetas, double rSquared) {}
