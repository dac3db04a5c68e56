package io.daytrade.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.daytrade.indicators.averages.Ema;
import io.daytrade.indicators.averages.Sma;
import io.daytrade.indicators.averages.Wma;
import io.daytrade.indicators.momentum.Macd;
import io.daytrade.indicators.momentum.Rsi;
import io.daytrade.indicators.volatility.Atr;
import io.daytrade.indicators.volatility.BollingerBands;
import io.daytrade.indicators.volume.Obv;
import io.daytrade.indicators.volume.Vwap;

import org.junit.jupiter.api.Test;

/** Values worked out by hand, so that the definitions do not rest on TA-Lib alone. */
class HandComputedValuesTest {

    private static final long DAY = 86_400_000L;

    @Test
    void smaOfThreeIsTheMeanOfTheLastThree() {
        Sma sma = new Sma(3);
        sma.update(1);
        sma.update(2);
        assertThat(sma.hasValue()).isFalse();
        sma.update(6);
        assertThat(sma.value()).isEqualTo(3.0);
        sma.update(10);
        assertThat(sma.value()).isEqualTo(6.0);
    }

    @Test
    void emaIsSeededWithTheSmaThenSmoothed() {
        Ema ema = new Ema(3); // k = 0.5
        ema.update(2);
        ema.update(4);
        ema.update(6);
        assertThat(ema.value()).isEqualTo(4.0);
        ema.update(10);
        assertThat(ema.value()).isEqualTo(7.0); // 4 + (10 - 4) * 0.5
    }

    @Test
    void wmaWeightsTheNewestMost() {
        Wma wma = new Wma(3);
        wma.update(1);
        wma.update(2);
        wma.update(3);
        assertThat(wma.value()).isCloseTo((1 * 1 + 2 * 2 + 3 * 3) / 6.0, within(1e-15));
        wma.update(6);
        assertThat(wma.value()).isCloseTo((2 * 1 + 3 * 2 + 6 * 3) / 6.0, within(1e-15));
    }

    @Test
    void rsiIsSeededWithMeanGainsAndLosses() {
        Rsi rsi = new Rsi(2);
        rsi.update(10);
        rsi.update(12); // +2
        assertThat(rsi.hasValue()).isFalse();
        rsi.update(11); // -1: gain 1, loss 0.5
        assertThat(rsi.value()).isCloseTo(100.0 * 1 / 1.5, within(1e-12));
        rsi.update(13); // +2: gain (1*1+2)/2 = 1.5, loss 0.5/2 = 0.25
        assertThat(rsi.value()).isCloseTo(100.0 * 1.5 / 1.75, within(1e-12));
    }

    @Test
    void flatPricesGiveZeroNotAnEmptyValue() {
        Rsi rsi = new Rsi(3);
        BollingerBands bands = new BollingerBands(3, 2);
        for (int i = 0; i < 5; i++) {
            rsi.update(50);
            bands.update(50);
        }
        assertThat(rsi.value()).isEqualTo(0.0);
        assertThat(bands.value(0)).isEqualTo(50.0);
        assertThat(bands.value(2)).isEqualTo(50.0);
    }

    @Test
    void macdWithSignalOfOneHasTheSignalOnTheLine() {
        // TA-Lib's Java port fails on a signal period of 1, so this case is checked by hand:
        // an EMA of one value is the value itself, so signal = line and the histogram is 0.
        Macd macd = new Macd(3, 5, 1);
        Ema fast = new Ema(3);
        Ema slow = new Ema(5);
        double[] prices = {10, 11, 13, 12, 15, 16, 14, 18};
        for (int i = 0; i < prices.length; i++) {
            macd.update(prices[i]);
            slow.update(prices[i]);
            if (i >= 2) { // the fast EMA starts at bar slow - fast, so it is seeded on bar 4
                fast.update(prices[i]);
            }
            assertThat(macd.hasValue()).isEqualTo(i >= 4);
            if (i >= 4) {
                assertThat(macd.value(0)).isEqualTo(fast.value() - slow.value());
                assertThat(macd.value(1)).isEqualTo(macd.value(0));
                assertThat(macd.value(2)).isEqualTo(0.0);
            }
        }
    }

    @Test
    void atrIsTheMeanOfTheFirstTrueRangesThenWilderSmoothed() {
        Atr atr = new Atr(2);
        atr.update(0, 11, 9, 10, 0, 0); // bar 0: no true range yet
        atr.update(0, 12, 10, 11, 0, 0); // TR = max(2, |12-10|, |10-10|) = 2
        assertThat(atr.hasValue()).isFalse();
        atr.update(0, 11, 7, 8, 0, 0); // TR = max(4, |11-11|, |7-11|) = 4 -> ATR = (2+4)/2
        assertThat(atr.value()).isEqualTo(3.0);
        atr.update(0, 15, 14, 14, 0, 0); // gap up: TR = max(1, |15-8|, |14-8|) = 7 -> (3*1 + 7)/2
        assertThat(atr.value()).isEqualTo(5.0);
    }

    @Test
    void bollingerBandsUseThePopulationDeviation() {
        BollingerBands bands = new BollingerBands(4, 2);
        for (double x : new double[] {2, 4, 4, 6}) {
            bands.update(x);
        }
        // mean 4, population variance (4+0+0+4)/4 = 2
        assertThat(bands.value(1)).isEqualTo(4.0);
        assertThat(bands.value(0)).isCloseTo(4.0 + 2 * Math.sqrt(2), within(1e-12));
        assertThat(bands.value(2)).isCloseTo(4.0 - 2 * Math.sqrt(2), within(1e-12));
    }

    @Test
    void obvStartsFromTheFirstVolume() {
        Obv obv = new Obv();
        obv.update(0, 0, 0, 10, 100, 0);
        assertThat(obv.value()).isEqualTo(100.0);
        obv.update(0, 0, 0, 11, 50, 0);
        assertThat(obv.value()).isEqualTo(150.0);
        obv.update(0, 0, 0, 9, 30, 0);
        assertThat(obv.value()).isEqualTo(120.0);
        obv.update(0, 0, 0, 9, 999, 0);
        assertThat(obv.value()).isEqualTo(120.0);
    }

    @Test
    void vwapAccumulatesWithinAUtcDayAndRestartsAtMidnight() {
        Vwap vwap = new Vwap();
        long day = 20_000 * DAY;
        vwap.update(0, 12, 9, 9, 100, day + 60_000); // typical 10
        assertThat(vwap.value()).isEqualTo(10.0);
        vwap.update(0, 22, 19, 19, 300, day + 120_000); // typical 20
        assertThat(vwap.value()).isEqualTo((10.0 * 100 + 20.0 * 300) / 400);
        vwap.update(0, 33, 30, 30, 0, day + 180_000); // no volume: unchanged
        assertThat(vwap.value()).isEqualTo((10.0 * 100 + 20.0 * 300) / 400);
        vwap.update(0, 6, 3, 3, 50, day + DAY); // next day: typical 4, fresh start
        assertThat(vwap.value()).isEqualTo(4.0);
    }

    @Test
    void vwapOfADayWithoutVolumeIsTheTypicalPrice() {
        Vwap vwap = new Vwap();
        vwap.update(0, 12, 9, 9, 0, 0);
        assertThat(vwap.value()).isEqualTo(10.0);
    }

    @Test
    void vwapHandlesBarsBeforeTheEpoch() {
        Vwap vwap = new Vwap();
        vwap.update(0, 12, 9, 9, 100, -DAY + 1); // 1969-12-31
        vwap.update(0, 6, 3, 3, 100, -1); // same day
        assertThat(vwap.value()).isEqualTo(7.0);
        vwap.update(0, 6, 3, 3, 100, 0); // 1970-01-01
        assertThat(vwap.value()).isEqualTo(4.0);
    }
}
