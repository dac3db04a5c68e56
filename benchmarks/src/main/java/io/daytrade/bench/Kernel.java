package io.daytrade.bench;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;

import io.daytrade.indicators.IndicatorSet;
import io.daytrade.indicators.IndicatorSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * The kernel workloads: one indicator (or the whole set) over a series, computed by each engine with
 * every output read once. {@code set} is all the others together, as the live job runs them per symbol.
 */
enum Kernel {
    SMA_20("sma(20)"),
    EMA_20("ema(20)"),
    RSI_14("rsi(14)"),
    MACD("macd(12,26,9)"),
    BBANDS("bbands(20,2)"),
    ATR_14("atr(14)"),
    STOCH("stoch(14,3,3)"),
    ADX_14("adx(14)"),
    SET("sma(20),ema(20),rsi(14),macd(12,26,9),bbands(20,2),atr(14),stoch(14,3,3),adx(14)");

    static final List<String> ENGINES = List.of("daytrade", "plain_loop", "talib", "ta4j");

    final String specs;

    Kernel(String specs) {
        this.specs = specs;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Kernel of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }

    List<Kernel> parts() {
        return this == SET ? List.of(SMA_20, EMA_20, RSI_14, MACD, BBANDS, ATR_14, STOCH, ADX_14) : List.of(this);
    }

    double run(String engine, BenchSeries s, BarSeries ta4jSeries) {
        switch (engine) {
            case "daytrade":
                return daytrade(s);
            case "plain_loop":
                return parts().stream().mapToDouble(k -> k.plain(s)).sum();
            case "talib":
                return parts().stream().mapToDouble(k -> k.talib(s)).sum();
            case "ta4j":
                return parts().stream().mapToDouble(k -> k.ta4j(ta4jSeries)).sum();
            default:
                throw new IllegalArgumentException("unknown engine " + engine);
        }
    }

    /** The project's incremental indicators, bar by bar, reading every output of every bar. */
    private double daytrade(BenchSeries s) {
        IndicatorSet set = new IndicatorSet(IndicatorSpec.parseList(specs));
        double[] row = new double[set.columns().size()];
        double check = 0;
        for (int i = 0; i < s.size(); i++) {
            set.update(s.open[i], s.high[i], s.low[i], s.close[i], s.volume[i], s.time[i]);
            set.values(row);
            for (double value : row) {
                if (value == value) {
                    check += value;
                }
            }
        }
        return check;
    }

    private double plain(BenchSeries s) {
        return switch (this) {
            case SMA_20 -> PlainLoops.sma(s.close, 20);
            case EMA_20 -> PlainLoops.ema(s.close, 20);
            case RSI_14 -> PlainLoops.rsi(s.close, 14);
            case MACD -> PlainLoops.macd(s.close, 12, 26, 9);
            case BBANDS -> PlainLoops.bbands(s.close, 20, 2);
            case ATR_14 -> PlainLoops.atr(s.high, s.low, s.close, 14);
            case STOCH -> PlainLoops.stoch(s.high, s.low, s.close, 14, 3, 3);
            case ADX_14 -> PlainLoops.adx(s.high, s.low, s.close, 14);
            case SET -> throw new IllegalStateException("SET runs its parts");
        };
    }

    /** TA-Lib's Java port in batch over the arrays, output arrays allocated per run as a caller would. */
    private double talib(BenchSeries s) {
        Core core = new Core();
        int n = s.size();
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        double[][] out = new double[3][n];
        int outputs = 1;
        switch (this) {
            case SMA_20 -> core.sma(0, n - 1, s.close, 20, begin, count, out[0]);
            case EMA_20 -> core.ema(0, n - 1, s.close, 20, begin, count, out[0]);
            case RSI_14 -> core.rsi(0, n - 1, s.close, 14, begin, count, out[0]);
            case MACD -> {
                core.macd(0, n - 1, s.close, 12, 26, 9, begin, count, out[0], out[1], out[2]);
                outputs = 3;
            }
            case BBANDS -> {
                core.bbands(0, n - 1, s.close, 20, 2, 2, MAType.Sma, begin, count, out[0], out[1], out[2]);
                outputs = 3;
            }
            case ATR_14 -> core.atr(0, n - 1, s.high, s.low, s.close, 14, begin, count, out[0]);
            case STOCH -> {
                core.stoch(0, n - 1, s.high, s.low, s.close, 14, 3, MAType.Sma, 3, MAType.Sma, begin, count,
                        out[0], out[1]);
                outputs = 2;
            }
            case ADX_14 -> core.adx(0, n - 1, s.high, s.low, s.close, 14, begin, count, out[0]);
            case SET -> throw new IllegalStateException("SET runs its parts");
        }
        double check = 0;
        for (int k = 0; k < outputs; k++) {
            for (int i = 0; i < count.value; i++) {
                check += out[k][i];
            }
        }
        return check;
    }

    /** ta4j with DoubleNum: fresh indicators (its cache starts empty), every value read once. */
    private double ta4j(BarSeries series) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        List<Indicator<Num>> outputs = new ArrayList<>();
        switch (this) {
            case SMA_20 -> outputs.add(new SMAIndicator(close, 20));
            case EMA_20 -> outputs.add(new EMAIndicator(close, 20));
            case RSI_14 -> outputs.add(new RSIIndicator(close, 14));
            case MACD -> {
                MACDIndicator macd = new MACDIndicator(close, 12, 26);
                EMAIndicator signal = new EMAIndicator(macd, 9);
                outputs.add(macd);
                outputs.add(signal);
            }
            case BBANDS -> {
                BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
                StandardDeviationIndicator deviation = new StandardDeviationIndicator(close, 20);
                outputs.add(new BollingerBandsUpperIndicator(middle, deviation, DoubleNum.valueOf(2)));
                outputs.add(middle);
                outputs.add(new BollingerBandsLowerIndicator(middle, deviation, DoubleNum.valueOf(2)));
            }
            case ATR_14 -> outputs.add(new ATRIndicator(series, 14));
            case STOCH -> {
                // %K slowed by an SMA of 3 and %D an SMA of that: the same outputs as TA-Lib's STOCH(14,3,3).
                SMAIndicator slowK = new SMAIndicator(new StochasticOscillatorKIndicator(series, 14), 3);
                outputs.add(slowK);
                outputs.add(new SMAIndicator(slowK, 3));
            }
            case ADX_14 -> outputs.add(new ADXIndicator(series, 14));
            case SET -> throw new IllegalStateException("SET runs its parts");
        }
        double check = 0;
        for (Indicator<Num> indicator : outputs) {
            for (int i = series.getBeginIndex(); i <= series.getEndIndex(); i++) {
                double value = indicator.getValue(i).doubleValue();
                if (value == value) {
                    check += value;
                }
            }
        }
        return check;
    }
}
