package io.daytrade.indicators;

import java.util.List;

/** The parameterisations every indicator test runs: short and long periods, and TA-Lib's edge cases. */
final class IndicatorCases {

    private IndicatorCases() {}

    static final List<String> SPECS = List.of(
            "sma(2)", "sma(20)", "sma(200)", "ema(2)", "ema(12)", "ema(50)", "wma(2)", "wma(10)",
            "dema(10)", "tema(10)", "trima(10)", "trima(11)", "trima(2)", "kama(10)", "kama(30)",
            "rsi(2)", "rsi(14)", "macd(12,26,9)", "macd(26,12,9)", "macd(5,35,5)", "macd(12,12,2)",
            "stoch(14,3,3)", "stoch(5,3,3)", "stoch(5,1,1)", "stoch(1,1,1)",
            "cci(14)", "cci(20)", "willr(14)", "willr(2)", "roc(10)", "roc(1)", "mom(10)", "mom(1)",
            "mfi(14)", "mfi(2)", "adx(14)", "adx(2)", "plus_di(14)", "plus_di(2)", "minus_di(14)",
            "minus_di(2)", "aroon(14)", "aroon(25)", "aroon(2)", "bbands(20,2)", "bbands(5,1)",
            "bbands(10,1.5)", "stddev(20)", "stddev(5,2)", "stddev(2)", "atr(14)", "atr(1)", "natr(14)",
            "trange", "obv", "ad");
}
