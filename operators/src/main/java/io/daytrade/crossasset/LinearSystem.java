package io.daytrade.crossasset;

/** Small dense linear systems, as normal equations are. */
final class LinearSystem {

    private static final double SINGULAR = 1e-14;

    private LinearSystem() {}

    /**
     * Solves {@code A x = b} given as the augmented matrix {@code [A | b]} (n rows, n + 1 columns) by
     * Gaussian elimination with partial pivoting; the matrix is overwritten.
     *
     * @return x, or null when A is singular (a pivot vanishes relative to the matrix's scale)
     */
    static double[] solve(double[][] augmented) {
        int n = augmented.length;
        double scale = 0;
        for (double[] row : augmented) {
            for (int c = 0; c < n; c++) {
                scale = Math.max(scale, Math.abs(row[c]));
            }
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(augmented[row][col]) > Math.abs(augmented[pivot][col])) {
                    pivot = row;
                }
            }
            if (Math.abs(augmented[pivot][col]) <= SINGULAR * scale) {
                return null;
            }
            double[] swap = augmented[col];
            augmented[col] = augmented[pivot];
            augmented[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double factor = augmented[row][col] / augmented[col][col];
                for (int c = col; c <= n; c++) {
                    augmented[row][c] -= factor * augmented[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = augmented[row][n];
            for (int c = row + 1; c < n; c++) {
                sum -= augmented[row][c] * x[c];
            }
            x[row] = sum / augmented[row][row];
        }
        return x;
    }
}
