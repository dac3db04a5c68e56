package io.daytrade.indicators;

/** Numeric conventions TA-Lib applies in its C sources, kept in one place. */
public final class TaLib {

    private TaLib() {}

    /** TA-Lib's TA_IS_ZERO: values within 1e-8 of zero count as zero (flat windows give 0, not NaN). */
    public static boolean isZero(double value) {
        return -0.00000001 < value && value < 0.00000001;
    }

    /** TA-Lib's TA_IS_ZERO_OR_NEG, used before taking a square root of a variance. */
    public static boolean isZeroOrNegative(double value) {
        return value < 0.00000001;
    }

    /** TA-Lib's smoothing factor for an exponential average of {@code period} values. */
    public static double emaFactor(int period) {
        return 2.0 / (period + 1);
    }

    /** TA-Lib's TRUE_RANGE macro: the greatest of high-low, |high-prevClose| and |low-prevClose|. */
    public static double trueRange(double high, double low, double prevClose) {
        double range = high - low;
        double up = Math.abs(high - prevClose);
        if (up > range) {
            range = up;
        }
        double down = Math.abs(low - prevClose);
        if (down > range) {
            range = down;
        }
        return range;
    }
}
