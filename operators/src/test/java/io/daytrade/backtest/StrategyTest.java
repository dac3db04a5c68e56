package io.daytrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.schemas.Side;
import io.daytrade.signals.RuleDefinition;

import org.junit.jupiter.api.Test;

class StrategyTest {

    @Test
    void smaCrossBuysOnTheCrossAboveAndSellsOnTheCrossBelow() {
        Strategy strategy = Strategy.parse("sma_cross(fast=10,slow=50)");
        assertThat(strategy.name()).isEqualTo("sma_cross(fast=10,slow=50)");
        assertThat(strategy.indicators()).extracting(IndicatorSpec::name).containsExactly("sma_10", "sma_50");
        assertThat(strategy.rules()).containsExactly(
                new RuleDefinition("enter", "crosses_above(sma_10, sma_50)", Side.BUY),
                new RuleDefinition("exit", "crosses_below(sma_10, sma_50)", Side.SELL));
    }

    @Test
    void everyBuiltInParsesWithItsDefaults() {
        assertThat(Strategy.parse("ema_cross").indicators()).extracting(IndicatorSpec::name).containsExactly("ema_12", "ema_26");
        assertThat(Strategy.parse("rsi_reversion(low=25)").rules()).extracting(RuleDefinition::when)
                .containsExactly("rsi_14 < 25.0", "rsi_14 > 70.0");
        assertThat(Strategy.parse("bbands_breakout(n=20,k=2)").rules()).extracting(RuleDefinition::when)
                .containsExactly("close > bbands_20_2_upper", "close < bbands_20_2_middle");
        assertThat(Strategy.parse("macd_cross(fast=12,slow=26,signal=9)").rules()).extracting(RuleDefinition::when)
                .containsExactly("crosses_above(macd_12_26_9, macd_12_26_9_signal)",
                        "crosses_below(macd_12_26_9, macd_12_26_9_signal)");
        assertThat(Strategy.isBuiltIn("SMA_CROSS(fast=5)")).isTrue();
        assertThat(Strategy.isBuiltIn("rules/my.yaml")).isFalse();
    }

    @Test
    void mistakesAreOneLineNamingTheStrategy() {
        assertThatThrownBy(() -> Strategy.parse("sma_cross(fast=10,slow=50,speed=3)"))
                .hasMessage("sma_cross: unknown parameter 'speed=3'; it takes fast, slow");
        assertThatThrownBy(() -> Strategy.parse("sma_cross(fast=50,slow=10)"))
                .hasMessage("sma_cross: fast (50) must be below slow (10)");
        assertThatThrownBy(() -> Strategy.parse("sma_cross(fast=ten)"))
                .hasMessage("sma_cross: fast must be a number, got 'ten'");
        assertThatThrownBy(() -> Strategy.parse("sma_cross(fast=2.5)"))
                .hasMessage("sma_cross: fast must be a whole number of bars, got 2.5");
        assertThatThrownBy(() -> Strategy.parse("buy_and_hope"))
                .hasMessageStartingWith("unknown strategy 'buy_and_hope'; built-ins: sma_cross(fast=10,slow=50), ");
    }
}
