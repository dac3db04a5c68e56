package io.daytrade.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class IndicatorSpecTest {

    @Test
    void columnNamesAreNameThenParametersThenSuffix() {
        List<IndicatorSpec> specs = IndicatorSpec.parseList(
                "sma(20), rsi(14),macd(12,26,9),stoch(14,3,3),aroon(14),bbands(20,2),obv,ad,vwap,trange");
        assertThat(new IndicatorSet(specs).columns()).containsExactly(
                "sma_20", "rsi_14", "macd_12_26_9", "macd_12_26_9_signal", "macd_12_26_9_hist",
                "stoch_14_3_3_k", "stoch_14_3_3_d", "aroon_14_up", "aroon_14_down",
                "bbands_20_2_upper", "bbands_20_2_middle", "bbands_20_2_lower", "obv", "ad", "vwap", "trange");
    }

    @Test
    void missingParametersTakeTaLibDefaults() {
        assertThat(IndicatorSpec.parse("rsi").name()).isEqualTo("rsi_14");
        assertThat(IndicatorSpec.parse("macd").name()).isEqualTo("macd_12_26_9");
        assertThat(IndicatorSpec.parse("bbands(20)").name()).isEqualTo("bbands_20_2");
        assertThat(IndicatorSpec.parse("stddev(20)").name()).isEqualTo("stddev_20_1");
    }

    @Test
    void macdWithFastAboveSlowIsSwappedAsTaLibDoes() {
        assertThat(IndicatorSpec.parse("macd(26,12,9)").name()).isEqualTo("macd_12_26_9");
    }

    @Test
    void fractionalDeviationsKeepTheirFraction() {
        assertThat(IndicatorSpec.parse("bbands(20,2.5)").columns()).first().isEqualTo("bbands_20_2.5_upper");
    }

    @Test
    void namesAreCaseInsensitive() {
        assertThat(IndicatorSpec.parse("SMA(5)").name()).isEqualTo("sma_5");
    }

    @Test
    void mistakesGetOneLineMessages() {
        assertError("sma(0)", "sma: period must be a whole number from 2 to 100000, got 0");
        assertError("sma(2.5)", "sma: period must be a whole number from 2 to 100000, got 2.5");
        assertError("bbands(20,-1)", "bbands: k must be greater than 0 and at most 1000, got -1");
        assertError("foo(3)", "unknown indicator 'foo'; known: sma, ema,");
        assertError("sma(a)", "sma: parameter 1 is not a number: 'a'");
        assertError("sma(1,2)", "sma takes 1 parameter [period], got 2");
        assertError("obv(3)", "obv takes no parameters, got 1");
        assertError("sma(20", "missing ')' in indicator list");
        assertError("sma(20),sma(20)", "indicator 'sma_20' is listed twice");
        assertError("macd(12,26,9),macd(26,12,9)", "indicator 'macd_12_26_9' is listed twice");
        assertError(" , ", "no indicators given");
        assertError("sma 20", "cannot read indicator 'sma 20'");
    }

    private static void assertError(String list, String messageStart) {
        assertThatThrownBy(() -> IndicatorSpec.parseList(list))
                .isInstanceOf(IndicatorSpecException.class)
                .hasMessageStartingWith(messageStart)
                .hasMessageNotContaining("\n");
    }
}
