package io.daytrade.backtest;

import io.daytrade.indicators.IndicatorSpec;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a sweep will evaluate: the valid parameter sets of a grid (all of them, or a seeded random
 * sample) for a built-in strategy, the combinations it skips and why, and the indicators the valid
 * ones read, each listed once, so each is computed once per symbol however many sets share it.
 *
 * @param strategy the built-in, possibly with fixed parameters, e.g. {@code sma_cross} or {@code bbands_breakout(k=2)}
 * @param names the swept parameters, as the grid names them
 * @param parameterSets the valid combinations, in grid order
 * @param considered how many combinations were considered (the grid's size, or the sample's)
 * @param skipped invalid combinations per reason
 * @param indicators every indicator a valid combination reads, in first-use order
 */
public record SweepPlan(String strategy, List<String> names, double[][] parameterSets, long considered,
        Map<String, Integer> skipped, List<IndicatorSpec> indicators) implements Serializable {

    /**
     * @param random 0 for the whole grid, else how many combinations to sample with {@code seed}
     * @throws IllegalArgumentException for a strategy or grid that cannot be swept, naming the mistake
     */
    public static SweepPlan of(String strategy, String grid, int random, long seed) {
        List<String> accepted = Strategy.parameterNames(strategy);
        ParameterGrid parsed = ParameterGrid.parse(grid);
        String fixed = strategy.contains("(") ? strategy.substring(strategy.indexOf('(')) : "";
        for (String name : parsed.names()) {
            if (!accepted.contains(name)) {
                throw new IllegalArgumentException("the grid names '" + name + "', which " + Strategy.parse(strategy).name()
                        .replaceAll("\\(.*", "") + " does not take; it takes " + String.join(", ", accepted));
            }
            if (fixed.matches(".*[(,]\\s*" + name + "\\s*=.*")) {
                throw new IllegalArgumentException("'" + name + "' is both fixed in the strategy and swept by the grid");
            }
        }
        if (random < 0) {
            throw new IllegalArgumentException("--random must be positive, got " + random);
        }
        List<double[]> combinations = random > 0 ? parsed.sample(random, seed) : parsed.all();
        List<double[]> valid = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        Set<IndicatorSpec> indicators = new LinkedHashSet<>();
        for (double[] combination : combinations) {
            try {
                Strategy point = Strategy.withParameters(strategy, parsed.names(), combination);
                indicators.addAll(point.indicators());
                valid.add(combination);
            } catch (IllegalArgumentException e) {
                skipped.merge(e.getMessage().replaceAll("[0-9.]+", "N"), 1, Integer::sum);
            }
        }
        return new SweepPlan(strategy, parsed.names(), valid.toArray(double[][]::new), combinations.size(),
                skipped, List.copyOf(indicators));
    }

    public int skippedCount() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The strategy at parameter set {@code index}. */
    public Strategy strategyAt(int index) {
        return Strategy.withParameters(strategy, names, parameterSets[index]);
    }
}
