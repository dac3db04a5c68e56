package io.daytrade.indicators;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;

/** Runs TA-Lib's Java port in batch over a whole series: the reference every indicator is tested against. */
public final class TaLibReference {

    /** TA-Lib's output: out[k][i] is output k at bar {@code begin + i}. */
    public record Result(int begin, int count, double[][] out) {
        public double at(int output, int bar) {
            return out[output][bar - begin];
        }
    }

    private TaLibReference() {}

    public static Result compute(IndicatorSpec spec, OhlcvSeries s) {
        Core core = new Core();
        int n = s.size();
        int end = n - 1;
        double[] p = spec.parameters();
        int outputs = spec.type().suffixes().size();
        double[][] out = new double[outputs][n];
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        double[] c = s.close;
        double[] h = s.high;
        double[] l = s.low;
        double[] v = s.volume;
        int p0 = p.length > 0 ? (int) p[0] : 0;
        RetCode code;
        switch (spec.type()) {
            case SMA -> code = core.sma(0, end, c, p0, begin, count, out[0]);
            case EMA -> code = core.ema(0, end, c, p0, begin, count, out[0]);
            case WMA -> code = core.wma(0, end, c, p0, begin, count, out[0]);
            case DEMA -> code = core.dema(0, end, c, p0, begin, count, out[0]);
            case TEMA -> code = core.tema(0, end, c, p0, begin, count, out[0]);
            case TRIMA -> code = core.trima(0, end, c, p0, begin, count, out[0]);
            case KAMA -> code = core.kama(0, end, c, p0, begin, count, out[0]);
            case RSI -> code = core.rsi(0, end, c, p0, begin, count, out[0]);
            case MACD -> code = core.macd(0, end, c, p0, (int) p[1], (int) p[2], begin, count,
                    out[0], out[1], out[2]);
            case STOCH -> code = core.stoch(0, end, h, l, c, p0, (int) p[1], MAType.Sma, (int) p[2], MAType.Sma,
                    begin, count, out[0], out[1]);
            case CCI -> code = core.cci(0, end, h, l, c, p0, begin, count, out[0]);
            case WILLR -> code = core.willR(0, end, h, l, c, p0, begin, count, out[0]);
            case ROC -> code = core.roc(0, end, c, p0, begin, count, out[0]);
            case MOM -> code = core.mom(0, end, c, p0, begin, count, out[0]);
            case MFI -> code = core.mfi(0, end, h, l, c, v, p0, begin, count, out[0]);
            case ADX -> code = core.adx(0, end, h, l, c, p0, begin, count, out[0]);
            case PLUS_DI -> code = core.plusDI(0, end, h, l, c, p0, begin, count, out[0]);
            case MINUS_DI -> code = core.minusDI(0, end, h, l, c, p0, begin, count, out[0]);
            // TA-Lib writes down first, up second; the project's outputs are up, then down.
            case AROON -> code = core.aroon(0, end, h, l, p0, begin, count, out[1], out[0]);
            case BBANDS -> code = core.bbands(0, end, c, p0, p[1], p[1], MAType.Sma, begin, count,
                    out[0], out[1], out[2]);
            case STDDEV -> code = core.stdDev(0, end, c, p0, p[1], begin, count, out[0]);
            case ATR -> code = core.atr(0, end, h, l, c, p0, begin, count, out[0]);
            case NATR -> code = core.natr(0, end, h, l, c, p0, begin, count, out[0]);
            case TRANGE -> code = core.trueRange(0, end, h, l, c, begin, count, out[0]);
            case OBV -> code = core.obv(0, end, c, v, begin, count, out[0]);
            case AD -> code = core.ad(0, end, h, l, c, v, begin, count, out[0]);
            default -> throw new IllegalArgumentException("not a TA-Lib function: " + spec);
        }
        if (code != RetCode.Success) {
            throw new IllegalStateException("TA-Lib " + spec + " failed: " + code);
        }
        return new Result(begin.value, count.value, out);
    }
}
