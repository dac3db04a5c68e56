package io.daytrade.backtest;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The parameter sets of a sweep: {@code fast=5..50:5,slow=20..200:20} is every combination of the
 * axes, the first axis varying slowest. An axis is {@code name=from..to:step} (both ends included),
 * {@code name=from..to} (step 1), {@code name=a|b|c} or a single {@code name=value}. Ranges are stepped
 * in decimal, so {@code k=1.5..2.5:0.1} gives 1.5, 1.6, ... 2.5 exactly as written.
 */
public final class ParameterGrid implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_AXIS = 100_000;

    private final List<String> names;
    private final double[][] axes;

    private ParameterGrid(List<String> names, double[][] axes) {
        this.names = List.copyOf(names);
        this.axes = axes;
    }

    /** @throws IllegalArgumentException naming the axis and what is wrong */
    public static ParameterGrid parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("the grid is empty; write it like fast=5..50:5,slow=20..200:20");
        }
        List<String> names = new ArrayList<>();
        List<double[]> axes = new ArrayList<>();
        for (String item : spec.split(",")) {
            String[] kv = item.split("=", -1);
            String name = kv[0].trim().toLowerCase(Locale.ROOT);
            if (kv.length != 2 || name.isEmpty() || kv[1].isBlank()) {
                throw new IllegalArgumentException("'" + item.trim() + "' is not name=from..to:step, name=a|b|c or name=value");
            }
            if (names.contains(name)) {
                throw new IllegalArgumentException("parameter '" + name + "' appears twice");
            }
            names.add(name);
            axes.add(axis(name, kv[1].trim()));
        }
        return new ParameterGrid(names, axes.toArray(double[][]::new));
    }

    private static double[] axis(String name, String values) {
        try {
            if (values.contains("..")) {
                String[] range = values.split("\\.\\.", -1);
                String[] toAndStep = range[1].split(":", -1);
                BigDecimal from = new BigDecimal(range[0].trim());
                BigDecimal to = new BigDecimal(toAndStep[0].trim());
                BigDecimal step = toAndStep.length > 1 ? new BigDecimal(toAndStep[1].trim()) : BigDecimal.ONE;
                if (range.length != 2 || toAndStep.length > 2 || step.signum() <= 0 || to.compareTo(from) < 0) {
                    throw new IllegalArgumentException(name + ": a range is from..to:step with from <= to and step > 0, got '"
                            + values + "'");
                }
                List<Double> points = new ArrayList<>();
                for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
                    if (points.size() == MAX_AXIS) {
                        throw new IllegalArgumentException(name + ": more than " + MAX_AXIS + " values in '" + values + "'");
                    }
                    points.add(v.doubleValue());
                }
                return points.stream().mapToDouble(Double::doubleValue).toArray();
            }
            Set<Double> points = new LinkedHashSet<>();
            for (String value : values.split("\\|")) {
                points.add(Double.parseDouble(value.trim()));
            }
            return points.stream().mapToDouble(Double::doubleValue).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + values + "' is not a number, a range or a list");
        }
    }

    public List<String> names() {
        return names;
    }

    /** How many combinations the grid has (saturating at {@link Long#MAX_VALUE}). */
    public long size() {
        long size = 1;
        for (double[] axis : axes) {
            size = axis.length != 0 && size > Long.MAX_VALUE / axis.length ? Long.MAX_VALUE : size * axis.length;
        }
        return size;
    }

    /** The values of combination {@code index}, in {@link #names()} order. */
    public double[] combination(long index) {
        double[] values = new double[axes.length];
        for (int a = axes.length - 1; a >= 0; a--) {
            values[a] = axes[a][(int) (index % axes[a].length)];
            index /= axes[a].length;
        }
        return values;
    }

    /** Every combination, in order. */
    public List<double[]> all() {
        return indices(size()).stream().map(this::combination).toList();
    }

    /**
     * {@code count} distinct combinations chosen uniformly with {@code seed}, in grid order; all of
     * them if the grid has no more. The same seed always chooses the same ones.
     */
    public List<double[]> sample(int count, long seed) {
        long size = size();
        if (count >= size) {
            return all();
        }
        SplittableRandom random = new SplittableRandom(seed);
        Set<Long> chosen = new LinkedHashSet<>();
        // Floyd's algorithm: exactly count draws, uniform, no list of the whole grid.
        for (long j = size - count; j < size; j++) {
            long pick = random.nextLong(j + 1);
            chosen.add(chosen.contains(pick) ? j : pick);
        }
        long[] sorted = chosen.stream().mapToLong(Long::longValue).sorted().toArray();
        return Arrays.stream(sorted).mapToObj(this::combination).toList();
    }

    private List<Long> indices(long size) {
        if (size > 10_000_000) {
            throw new IllegalArgumentException("the grid has " + size + " combinations; sample some with --random N");
        }
        List<Long> all = new ArrayList<>();
        for (long i = 0; i < size; i++) {
            all.add(i);
        }
        return all;
    }

    /** A value as a grid names it: {@code 5} rather than {@code 5.0}, {@code 1.5} as is. */
    public static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
