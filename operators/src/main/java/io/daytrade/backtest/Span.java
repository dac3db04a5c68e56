package io.daytrade.backtest;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar span of a walk-forward window: {@code 2y}, {@code 6m} (months), {@code 3w}, {@code 10d},
 * {@code 12h}, {@code 30min}. Years, months, weeks and days are calendar steps in UTC, so {@code 1m}
 * from January 31st ends on the last day of February, as a quant expects of "one month".
 */
public record Span(String text, Period period, Duration duration) implements Serializable {

    private static final Pattern SPAN = Pattern.compile("(\\d+)\\s*(y|m|w|d|h|min)");

    /** @throws IllegalArgumentException naming the accepted units */
    public static Span parse(String text) {
        Matcher matcher = SPAN.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches() || Integer.parseInt(matcher.group(1)) == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a span; write e.g. 2y, 6m (months), 3w, 10d, 12h or 30min");
        }
        int n = Integer.parseInt(matcher.group(1));
        return switch (matcher.group(2)) {
            case "y" -> new Span(text, Period.ofYears(n), Duration.ZERO);
            case "m" -> new Span(text, Period.ofMonths(n), Duration.ZERO);
            case "w" -> new Span(text, Period.ofWeeks(n), Duration.ZERO);
            case "d" -> new Span(text, Period.ofDays(n), Duration.ZERO);
            case "h" -> new Span(text, Period.ZERO, Duration.ofHours(n));
            default -> new Span(text, Period.ZERO, Duration.ofMinutes(n));
        };
    }

    /** {@code millis} plus this span. */
    public long after(long millis) {
        return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).plus(period).plus(duration).toInstant().toEpochMilli();
    }

    @Override
    public String toString() {
        return text;
    }
}
