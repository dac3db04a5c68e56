package io.daytrade.indicators;

/** One parameter of an indicator: its name, TA-Lib's default, and the range TA-Lib accepts. */
public record Parameter(String name, double defaultValue, double min, double max, boolean integer) {

    static Parameter period(String name, int defaultValue, int min) {
        return new Parameter(name, defaultValue, min, 100_000, true);
    }

    /** A multiple of standard deviations; TA-Lib accepts negatives, which are meaningless for bands. */
    static Parameter deviations(String name, double defaultValue) {
        return new Parameter(name, defaultValue, Double.MIN_VALUE, 1_000, false);
    }

    void check(String indicator, double value) {
        boolean wholeNumber = value == Math.rint(value);
        if (integer && (!wholeNumber || value < min || value > max)) {
            throw new IndicatorSpecException(String.format(
                    "%s: %s must be a whole number from %d to %d, got %s",
                    indicator, name, (long) min, (long) max, IndicatorSpec.format(value)));
        }
        if (!integer && !(value > 0 && value <= max)) {
            throw new IndicatorSpecException(String.format(
                    "%s: %s must be greater than 0 and at most %s, got %s",
                    indicator, name, IndicatorSpec.format(max), IndicatorSpec.format(value)));
        }
    }
}
