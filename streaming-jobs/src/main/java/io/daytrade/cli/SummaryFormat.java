package io.daytrade.cli;

import java.util.Locale;

/** How the commands print a metric read back from a report's JSON: {@code n/a} where it is null. */
final class SummaryFormat {

    private SummaryFormat() {}

    /** {@code 0.1234} as {@code 12.34%}. */
    static String percent(Object value) {
        return value instanceof Number n ? String.format(Locale.ROOT, "%.2f%%", n.doubleValue() * 100) : "n/a";
    }

    /** Two decimals, e.g. a Sharpe ratio. */
    static String decimal(Object value) {
        return value instanceof Number n ? String.format(Locale.ROOT, "%.2f", n.doubleValue()) : "n/a";
    }
}
