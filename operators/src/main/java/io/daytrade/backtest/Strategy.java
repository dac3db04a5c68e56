package io.daytrade.backtest;

import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.schemas.Side;
import io.daytrade.signals.RuleDefinition;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strategy as indicators plus signal rules: the very rules the live job evaluates. Built-ins are
 * written {@code name(param=value,...)}; parameters left out take their defaults. An exit rule's side
 * is SELL, which closes a long and, with shorts allowed, opens a short.
 */
public record Strategy(String name, List<IndicatorSpec> indicators, List<RuleDefinition> rules) implements Serializable {

    private static final Pattern SPEC = Pattern.compile("([a-z_]+)\\s*(?:\\((.*)\\))?");

    private enum BuiltIn {
        SMA_CROSS("sma_cross", "fast=10,slow=50"),
        EMA_CROSS("ema_cross", "fast=12,slow=26"),
        RSI_REVERSION("rsi_reversion", "n=14,low=30,high=70"),
        BBANDS_BREAKOUT("bbands_breakout", "n=20,k=2"),
        MACD_CROSS("macd_cross", "fast=12,slow=26,signal=9");

        final String key;
        final Map<String, Double> defaults = new LinkedHashMap<>();

        BuiltIn(String key, String defaults) {
            this.key = key;
            for (String pair : defaults.split(",")) {
                String[] kv = pair.split("=");
                this.defaults.put(kv[0], Double.parseDouble(kv[1]));
            }
        }
    }

    /** True if {@code spec} names a built-in strategy, e.g. {@code sma_cross(fast=10,slow=50)}. */
    public static boolean isBuiltIn(String spec) {
        Matcher matcher = SPEC.matcher(spec.trim().toLowerCase(Locale.ROOT));
        return matcher.matches() && find(matcher.group(1)) != null;
    }

    public static List<String> builtInNames() {
        List<String> names = new ArrayList<>();
        for (BuiltIn builtIn : BuiltIn.values()) {
            names.add(builtIn.key + "(" + builtIn.defaults.toString().replaceAll("[{} ]", "").replace(".0", "") + ")");
        }
        return names;
    }

    /**
     * The parameters a built-in takes, in its order, e.g. {@code [fast, slow]} for {@code sma_cross}.
     *
     * @throws IllegalArgumentException if {@code spec} does not name a built-in
     */
    public static List<String> parameterNames(String spec) {
        Matcher matcher = SPEC.matcher(spec.trim().toLowerCase(Locale.ROOT));
        BuiltIn builtIn = matcher.matches() ? find(matcher.group(1)) : null;
        if (builtIn == null) {
            parse(spec); // throws, listing the built-ins
        }
        return List.copyOf(builtIn.defaults.keySet());
    }

    /**
     * A built-in with some parameters set on top of those {@code spec} gives: a point of a sweep.
     *
     * @throws IllegalArgumentException if the combination is invalid (e.g. fast not below slow)
     */
    public static Strategy withParameters(String spec, List<String> names, double[] values) {
        Matcher matcher = SPEC.matcher(spec.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return parse(spec);
        }
        StringBuilder arguments = new StringBuilder(matcher.group(2) == null ? "" : matcher.group(2).trim());
        for (int i = 0; i < names.size(); i++) {
            if (arguments.length() > 0) {
                arguments.append(',');
            }
            arguments.append(names.get(i)).append('=').append(ParameterGrid.format(values[i]));
        }
        return parse(matcher.group(1) + "(" + arguments + ")");
    }

    /** @throws IllegalArgumentException with one line naming the strategy and what is wrong */
    public static Strategy parse(String spec) {
        Matcher matcher = SPEC.matcher(spec.trim().toLowerCase(Locale.ROOT));
        BuiltIn builtIn = matcher.matches() ? find(matcher.group(1)) : null;
        if (builtIn == null) {
            throw new IllegalArgumentException("unknown strategy '" + spec.trim() + "'; built-ins: "
                    + String.join(", ", builtInNames()) + ", or the path of a rule file");
        }
        Map<String, Double> p = new LinkedHashMap<>(builtIn.defaults);
        String arguments = matcher.group(2);
        if (arguments != null && !arguments.isBlank()) {
            for (String pair : arguments.split(",")) {
                String[] kv = pair.split("=", -1);
                String key = kv[0].trim();
                if (kv.length != 2 || !p.containsKey(key)) {
                    throw new IllegalArgumentException(builtIn.key + ": unknown parameter '" + pair.trim()
                            + "'; it takes " + String.join(", ", builtIn.defaults.keySet()));
                }
                try {
                    p.put(key, Double.parseDouble(kv[1].trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(builtIn.key + ": " + key + " must be a number, got '"
                            + kv[1].trim() + "'");
                }
            }
        }
        String name = builtIn.key + p.toString().replace('{', '(').replace('}', ')').replace(" ", "").replace(".0,", ",")
                .replace(".0)", ")");
        try {
            return build(builtIn, p, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(builtIn.key + ": " + e.getMessage());
        }
    }

    private static Strategy build(BuiltIn builtIn, Map<String, Double> p, String name) {
        switch (builtIn) {
            case SMA_CROSS:
            case EMA_CROSS: {
                String kind = builtIn == BuiltIn.SMA_CROSS ? "sma" : "ema";
                int fast = whole(p, "fast");
                int slow = whole(p, "slow");
                if (fast >= slow) {
                    throw new IllegalArgumentException("fast (" + fast + ") must be below slow (" + slow + ")");
                }
                IndicatorSpec f = IndicatorSpec.parse(kind + "(" + fast + ")");
                IndicatorSpec s = IndicatorSpec.parse(kind + "(" + slow + ")");
                return new Strategy(name, List.of(f, s), List.of(
                        new RuleDefinition("enter", "crosses_above(" + f.name() + ", " + s.name() + ")", Side.BUY),
                        new RuleDefinition("exit", "crosses_below(" + f.name() + ", " + s.name() + ")", Side.SELL)));
            }
            case RSI_REVERSION: {
                IndicatorSpec rsi = IndicatorSpec.parse("rsi(" + whole(p, "n") + ")");
                double low = p.get("low");
                double high = p.get("high");
                if (!(low < high)) {
                    throw new IllegalArgumentException("low (" + low + ") must be below high (" + high + ")");
                }
                return new Strategy(name, List.of(rsi), List.of(
                        new RuleDefinition("enter", rsi.name() + " < " + low, Side.BUY),
                        new RuleDefinition("exit", rsi.name() + " > " + high, Side.SELL)));
            }
            case BBANDS_BREAKOUT: {
                IndicatorSpec bands = IndicatorSpec.parse("bbands(" + whole(p, "n") + "," + p.get("k") + ")");
                return new Strategy(name, List.of(bands), List.of(
                        new RuleDefinition("enter", "close > " + bands.name() + "_upper", Side.BUY),
                        new RuleDefinition("exit", "close < " + bands.name() + "_middle", Side.SELL)));
            }
            default: {
                IndicatorSpec macd = IndicatorSpec.parse(
                        "macd(" + whole(p, "fast") + "," + whole(p, "slow") + "," + whole(p, "signal") + ")");
                return new Strategy(name, List.of(macd), List.of(
                        new RuleDefinition("enter", "crosses_above(" + macd.name() + ", " + macd.name() + "_signal)", Side.BUY),
                        new RuleDefinition("exit", "crosses_below(" + macd.name() + ", " + macd.name() + "_signal)", Side.SELL)));
            }
        }
    }

    private static int whole(Map<String, Double> p, String key) {
        double value = p.get(key);
        if (value != Math.rint(value) || value < 1) {
            throw new IllegalArgumentException(key + " must be a whole number of bars, got " + value);
        }
        return (int) value;
    }

    private static BuiltIn find(String key) {
        for (BuiltIn builtIn : BuiltIn.values()) {
            if (builtIn.key.equals(key)) {
                return builtIn;
            }
        }
        return null;
    }
}
