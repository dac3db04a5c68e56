package io.daytrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daytrade.indicators.IndicatorSpec;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SweepPlanTest {

    @Test
    void invalidCombinationsAreSkippedAndCountedAndIndicatorsListedOnce() {
        SweepPlan plan = SweepPlan.of("sma_cross", "fast=10..30:10,slow=20..40:10", 0, 0);
        // (10,20) (10,30) (10,40) (20,30) (20,40) (30,40) are valid; (20,20) (30,20) (30,30) are not.
        assertThat(plan.considered()).isEqualTo(9);
        assertThat(plan.parameterSets()).hasNumberOfRows(6);
        assertThat(plan.skippedCount()).isEqualTo(3);
        assertThat(plan.skipped()).isEqualTo(Map.of("sma_cross: fast (N) must be below slow (N)", 3));
        assertThat(plan.indicators()).extracting(IndicatorSpec::name)
                .containsExactly("sma_10", "sma_20", "sma_30", "sma_40");
        assertThat(plan.strategyAt(3).name()).isEqualTo("sma_cross(fast=20,slow=30)");
    }

    @Test
    void fixedParametersStayAndTheGridMustNameRealOnes() {
        SweepPlan plan = SweepPlan.of("bbands_breakout(n=20)", "k=1.5..2.5:0.5", 0, 0);
        assertThat(plan.parameterSets()).hasNumberOfRows(3);
        assertThat(plan.strategyAt(0).name()).isEqualTo("bbands_breakout(n=20,k=1.5)");

        assertThatThrownBy(() -> SweepPlan.of("sma_cross", "fast=5..10,speed=1", 0, 0))
                .hasMessageContaining("'speed'").hasMessageContaining("fast, slow");
        assertThatThrownBy(() -> SweepPlan.of("sma_cross(fast=5)", "fast=5..10", 0, 0))
                .hasMessageContaining("both fixed");
        assertThatThrownBy(() -> SweepPlan.of("no_such", "fast=5", 0, 0)).hasMessageContaining("unknown strategy");
    }

    @Test
    void aRandomSampleIsPlannedFromTheGrid() {
        SweepPlan plan = SweepPlan.of("sma_cross", "fast=5..50:5,slow=20..200:20", 30, 42);
        assertThat(plan.considered()).isEqualTo(30);
        assertThat(plan.parameterSets().length + plan.skippedCount()).isEqualTo(30);
        assertThat(SweepPlan.of("sma_cross", "fast=5..50:5,slow=20..200:20", 30, 42).parameterSets())
                .isDeepEqualTo(plan.parameterSets());
    }
}
