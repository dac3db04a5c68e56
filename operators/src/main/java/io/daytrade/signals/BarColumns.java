package io.daytrade.signals;

/**
 * A rule set's row layout as columns over a history: the value of layout column {@code c} at the
 * {@code k}-th evaluated bar is {@code arrays[c][offsets[c] + bars[k]]}. For evaluating rules over a
 * whole history at once, one condition at a time, instead of one row at a time.
 */
public final class BarColumns {

    private final double[][] arrays;
    private final int[] offsets;
    private final int[] bars;

    /**
     * @param arrays per layout column, the array holding it (several columns may share one array)
     * @param offsets per layout column, where bar 0 of the column is in its array
     * @param bars the bars evaluated, in time order (the rules' memory runs from one to the next), or
     *     null for every bar from 0
     */
    public BarColumns(double[][] arrays, int[] offsets, int[] bars) {
        this.arrays = arrays;
        this.offsets = offsets;
        this.bars = bars;
    }

    /** True when every bar is evaluated: column c's k-th value is then {@code array(c)[offset(c) + k]}. */
    boolean everyBar() {
        return bars == null;
    }

    double[] array(int column) {
        return arrays[column];
    }

    int offset(int column) {
        return offsets[column];
    }

    /** Layout column {@code column} at the {@code k}-th evaluated bar. */
    double get(int column, int k) {
        return arrays[column][offsets[column] + (bars == null ? k : bars[k])];
    }
}
