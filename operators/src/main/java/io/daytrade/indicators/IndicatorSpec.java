package io.daytrade.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One configured indicator, e.g. {@code macd(12,26,9)}: its type, its parameters (TA-Lib's defaults
 * filled in), and its output column names ({@code macd_12_26_9}, {@code macd_12_26_9_signal}, ...).
 */
public final class IndicatorSpec implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private static final Pattern ITEM = Pattern.compile("([A-Za-z_]+)\\s*(?:\\((.*)\\))?");

    private final IndicatorType type;
    private final double[] parameters;
    private final String name;
    /** Computed once: the live job builds a set from its specs at every bar it reads from RocksDB. */
    private transient List<String> columns;

    private IndicatorSpec(IndicatorType type, double[] parameters) {
        this.type = type;
        this.parameters = parameters;
        StringBuilder builder = new StringBuilder(type.key());
        for (double value : parameters) {
            builder.append('_').append(format(value));
        }
        this.name = builder.toString();
    }

    /** Builds a spec from a type and its parameters, checking them against TA-Lib's ranges. */
    public static IndicatorSpec of(IndicatorType type, double... given) {
        List<Parameter> declared = type.parameters();
        if (given.length > declared.size()) {
            throw new IndicatorSpecException(String.format("%s takes %s, got %d",
                    type.key(), describe(declared), given.length));
        }
        double[] values = new double[declared.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = i < given.length ? given[i] : declared.get(i).defaultValue();
            declared.get(i).check(type.key(), values[i]);
        }
        return new IndicatorSpec(type, type.canonical(values));
    }

    /** Parses one item such as {@code bbands(20, 2)} or {@code obv}. */
    public static IndicatorSpec parse(String item) {
        String text = item.trim();
        Matcher matcher = ITEM.matcher(text);
        if (!matcher.matches()) {
            throw new IndicatorSpecException("cannot read indicator '" + text
                    + "': write a name with optional parameters, e.g. sma(20) or macd(12,26,9)");
        }
        IndicatorType type = IndicatorType.byKey(matcher.group(1)).orElseThrow(() -> new IndicatorSpecException(
                "unknown indicator '" + matcher.group(1) + "'; known: " + IndicatorType.knownKeys()));
        String arguments = matcher.group(2);
        if (arguments == null || arguments.isBlank()) {
            return of(type);
        }
        String[] parts = arguments.split(",", -1);
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IndicatorSpecException(String.format("%s: parameter %d is not a number: '%s'",
                        type.key(), i + 1, parts[i].trim()));
            }
        }
        return of(type, values);
    }

    /** Parses a comma-separated list such as {@code sma(20),rsi(14),macd(12,26,9)}. */
    public static List<IndicatorSpec> parseList(String list) {
        List<IndicatorSpec> specs = new ArrayList<>();
        Set<String> columns = new HashSet<>();
        for (String item : splitTopLevel(list)) {
            IndicatorSpec spec = parse(item);
            for (String column : spec.columns()) {
                if (!columns.add(column)) {
                    throw new IndicatorSpecException("indicator '" + spec.name() + "' is listed twice");
                }
            }
            specs.add(spec);
        }
        if (specs.isEmpty()) {
            throw new IndicatorSpecException("no indicators given; e.g. \"sma(20),rsi(14),macd(12,26,9)\"");
        }
        return specs;
    }

    private static List<String> splitTopLevel(String list) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth < 0) {
                    throw new IndicatorSpecException("unbalanced ')' in indicator list: " + list);
                }
            } else if (c == ',' && depth == 0) {
                items.add(list.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new IndicatorSpecException("missing ')' in indicator list: " + list);
        }
        items.add(list.substring(start));
        items.removeIf(String::isBlank);
        return items;
    }

    public IndicatorType type() {
        return type;
    }

    /** The base column name, e.g. {@code bbands_20_2}. */
    public String name() {
        return name;
    }

    public List<String> columns() {
        if (columns == null) {
            List<String> names = new ArrayList<>();
            for (String suffix : type.suffixes()) {
                names.add(name + suffix);
            }
            columns = List.copyOf(names);
        }
        return columns;
    }

    int period(int index) {
        return (int) parameters[index];
    }

    double value(int index) {
        return parameters[index];
    }

    public double[] parameters() {
        return parameters.clone();
    }

    public Indicator create() {
        return type.create(this);
    }

    /** A parameter as it appears in a column name: whole numbers without a fraction. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String describe(List<Parameter> declared) {
        if (declared.isEmpty()) {
            return "no parameters";
        }
        List<String> names = declared.stream().map(Parameter::name).toList();
        return declared.size() + (declared.size() == 1 ? " parameter " : " parameters ") + names;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IndicatorSpec spec && spec.type == type && Arrays.equals(spec.parameters, parameters);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(parameters);
    }

    @Override
    public String toString() {
        StringBuilder builder = new StringBuilder(type.key());
        if (parameters.length > 0) {
            builder.append('(');
            for (int i = 0; i < parameters.length; i++) {
                builder.append(i > 0 ? "," : "").append(format(parameters[i]));
            }
            builder.append(')');
        }
        return builder.toString();
    }
}
