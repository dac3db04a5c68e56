package io.daytrade.operators.bars;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bar length such as {@code 1m}: a whole number of seconds, minutes, hours or days. Bars are aligned
 * to the epoch (UTC), so a 5m bar starts at a multiple of 300,000 ms and a 1d bar at UTC midnight.
 */
public final class BarInterval implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,8})([smhd])");

    private final String label;
    private final long millis;

    private BarInterval(String label, long millis) {
        this.label = label;
        this.millis = millis;
    }

    /** Parses {@code Ns}, {@code Nm}, {@code Nh} or {@code Nd}, e.g. {@code 1s}, {@code 5m}, {@code 1d}. */
    public static BarInterval parse(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = FORMAT.matcher(trimmed);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("bad interval '" + text.trim()
                    + "': write a whole number and a unit s, m, h or d, e.g. 1s, 1m, 5m, 1h, 1d");
        }
        long amount = Long.parseLong(matcher.group(1));
        long unit = switch (matcher.group(2)) {
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            default -> 86_400_000L;
        };
        return new BarInterval(trimmed, amount * unit);
    }

    /** Parses a comma-separated list such as {@code 1m,5m,1h}; duplicates are an error. */
    public static List<BarInterval> parseList(String text) {
        List<BarInterval> intervals = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            BarInterval interval = parse(part);
            if (intervals.stream().anyMatch(i -> i.millis == interval.millis)) {
                throw new IllegalArgumentException("interval '" + interval.label + "' is listed twice");
            }
            intervals.add(interval);
        }
        if (intervals.isEmpty()) {
            throw new IllegalArgumentException("no interval given; e.g. --interval 1m or --interval 1m,5m");
        }
        return intervals;
    }

    public String label() {
        return label;
    }

    public long millis() {
        return millis;
    }

    /** Start of the bar containing {@code timestamp}; floor division keeps times before 1970 right. */
    public long windowStart(long timestamp) {
        return Math.floorDiv(timestamp, millis) * millis;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BarInterval interval && interval.millis == millis && interval.label.equals(label);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(millis);
    }

    @Override
    public String toString() {
        return label;
    }
}
