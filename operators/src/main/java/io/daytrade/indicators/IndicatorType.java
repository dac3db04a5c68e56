package io.daytrade.indicators;

import static io.daytrade.indicators.Parameter.deviations;
import static io.daytrade.indicators.Parameter.period;

import io.daytrade.indicators.averages.Dema;
import io.daytrade.indicators.averages.Ema;
import io.daytrade.indicators.averages.Kama;
import io.daytrade.indicators.averages.Sma;
import io.daytrade.indicators.averages.Tema;
import io.daytrade.indicators.averages.Trima;
import io.daytrade.indicators.averages.Wma;
import io.daytrade.indicators.momentum.Adx;
import io.daytrade.indicators.momentum.Aroon;
import io.daytrade.indicators.momentum.Cci;
import io.daytrade.indicators.momentum.Macd;
import io.daytrade.indicators.momentum.Mfi;
import io.daytrade.indicators.momentum.MinusDi;
import io.daytrade.indicators.momentum.Mom;
import io.daytrade.indicators.momentum.PlusDi;
import io.daytrade.indicators.momentum.Roc;
import io.daytrade.indicators.momentum.Rsi;
import io.daytrade.indicators.momentum.Stoch;
import io.daytrade.indicators.momentum.WillR;
import io.daytrade.indicators.volatility.Atr;
import io.daytrade.indicators.volatility.BollingerBands;
import io.daytrade.indicators.volatility.Natr;
import io.daytrade.indicators.volatility.StdDev;
import io.daytrade.indicators.volatility.TrueRange;
import io.daytrade.indicators.volume.AccumulationDistribution;
import io.daytrade.indicators.volume.Obv;
import io.daytrade.indicators.volume.Vwap;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every indicator the project offers: the name users write, its parameters with TA-Lib's defaults and
 * ranges, the suffixes of its output columns, and how to build one.
 */
public enum IndicatorType {
    SMA("sma", List.of(period("period", 30, 2)), p -> new Sma(p.period(0))),
    EMA("ema", List.of(period("period", 30, 2)), p -> new Ema(p.period(0))),
    WMA("wma", List.of(period("period", 30, 2)), p -> new Wma(p.period(0))),
    DEMA("dema", List.of(period("period", 30, 2)), p -> new Dema(p.period(0))),
    TEMA("tema", List.of(period("period", 30, 2)), p -> new Tema(p.period(0))),
    TRIMA("trima", List.of(period("period", 30, 2)), p -> new Trima(p.period(0))),
    KAMA("kama", List.of(period("period", 30, 2)), p -> new Kama(p.period(0))),

    RSI("rsi", List.of(period("period", 14, 2)), p -> new Rsi(p.period(0))),
    MACD("macd",
            List.of(period("fast", 12, 2), period("slow", 26, 2), period("signal", 9, 1)),
            p -> new Macd(p.period(0), p.period(1), p.period(2)),
            "", "_signal", "_hist"),
    STOCH("stoch",
            List.of(period("fastk", 5, 1), period("slowk", 3, 1), period("slowd", 3, 1)),
            p -> new Stoch(p.period(0), p.period(1), p.period(2)),
            "_k", "_d"),
    CCI("cci", List.of(period("period", 14, 2)), p -> new Cci(p.period(0))),
    WILLR("willr", List.of(period("period", 14, 2)), p -> new WillR(p.period(0))),
    ROC("roc", List.of(period("period", 10, 1)), p -> new Roc(p.period(0))),
    MOM("mom", List.of(period("period", 10, 1)), p -> new Mom(p.period(0))),
    MFI("mfi", List.of(period("period", 14, 2)), p -> new Mfi(p.period(0))),
    ADX("adx", List.of(period("period", 14, 2)), p -> new Adx(p.period(0))),
    PLUS_DI("plus_di", List.of(period("period", 14, 2)), p -> new PlusDi(p.period(0))),
    MINUS_DI("minus_di", List.of(period("period", 14, 2)), p -> new MinusDi(p.period(0))),
    AROON("aroon", List.of(period("period", 14, 2)), p -> new Aroon(p.period(0)), "_up", "_down"),

    BBANDS("bbands",
            List.of(period("period", 5, 2), deviations("k", 2)),
            p -> new BollingerBands(p.period(0), p.value(1)),
            "_upper", "_middle", "_lower"),
    STDDEV("stddev",
            List.of(period("period", 5, 2), deviations("k", 1)),
            p -> new StdDev(p.period(0), p.value(1))),
    ATR("atr", List.of(period("period", 14, 1)), p -> new Atr(p.period(0))),
    NATR("natr", List.of(period("period", 14, 1)), p -> new Natr(p.period(0))),
    TRANGE("trange", List.of(), p -> new TrueRange()),

    OBV("obv", List.of(), p -> new Obv()),
    AD("ad", List.of(), p -> new AccumulationDistribution()),
    VWAP("vwap", List.of(), p -> new Vwap());

    private final String key;
    private final List<Parameter> parameters;
    private final Function<IndicatorSpec, Indicator> factory;
    private final List<String> suffixes;

    IndicatorType(String key, List<Parameter> parameters, Function<IndicatorSpec, Indicator> factory,
            String... suffixes) {
        this.key = key;
        this.parameters = parameters;
        this.factory = factory;
        this.suffixes = suffixes.length == 0 ? List.of("") : List.of(suffixes);
    }

    /** The name users write, e.g. {@code plus_di}. */
    public String key() {
        return key;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** Column-name suffixes, one per output; "" for an indicator with one output. */
    public List<String> suffixes() {
        return suffixes;
    }

    Indicator create(IndicatorSpec spec) {
        return factory.apply(spec);
    }

    /**
     * Puts parameters into the form TA-Lib computes with: MACD swaps a fast period above the slow one,
     * and the column name then names what was computed.
     */
    double[] canonical(double[] values) {
        if (this == MACD && values[1] < values[0]) {
            return new double[] {values[1], values[0], values[2]};
        }
        return values;
    }

    public static Optional<IndicatorType> byKey(String key) {
        String wanted = key.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.key.equals(wanted)).findFirst();
    }

    public static String knownKeys() {
        return Arrays.stream(values()).map(IndicatorType::key).collect(Collectors.joining(", "));
    }
}
