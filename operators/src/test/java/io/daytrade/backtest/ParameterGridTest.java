package io.daytrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ParameterGridTest {

    @Test
    void rangesAreInclusiveAndTheFirstAxisVariesSlowest() {
        ParameterGrid grid = ParameterGrid.parse("fast=5..15:5,slow=20..40:20");
        assertThat(grid.names()).containsExactly("fast", "slow");
        assertThat(grid.size()).isEqualTo(6);
        assertThat(grid.all()).containsExactly(new double[] {5, 20}, new double[] {5, 40}, new double[] {10, 20},
                new double[] {10, 40}, new double[] {15, 20}, new double[] {15, 40});
    }

    @Test
    void decimalStepsListsAndSingleValues() {
        ParameterGrid grid = ParameterGrid.parse("k=1.5..2.0:0.1,n=10|20,x=3");
        assertThat(grid.size()).isEqualTo(12);
        assertThat(grid.combination(0)).containsExactly(1.5, 10, 3);
        assertThat(grid.combination(11)).containsExactly(2.0, 20, 3);
        assertThat(grid.combination(2)).containsExactly(1.6, 10, 3);
        assertThat(ParameterGrid.format(1.6)).isEqualTo("1.6");
        assertThat(ParameterGrid.format(20)).isEqualTo("20");
    }

    @Test
    void aSeededSampleIsDistinctInGridOrderAndRepeatable() {
        ParameterGrid grid = ParameterGrid.parse("fast=1..100,slow=1..100");
        List<double[]> a = grid.sample(50, 7);
        List<double[]> b = grid.sample(50, 7);
        assertThat(a).hasSize(50);
        assertThat(a).zipSatisfy(b, (x, y) -> assertThat(x).containsExactly(y));
        assertThat(a.stream().map(v -> v[0] * 1000 + v[1]).distinct().count()).isEqualTo(50);
        assertThat(a.stream().map(v -> v[0] * 1000 + v[1]).toList()).isSorted();
        assertThat(grid.sample(50, 8).get(0)).isNotEqualTo(a.get(0));
        assertThat(grid.sample(20_000, 1)).hasSize(10_000);
    }

    @Test
    void mistakesNameTheAxis() {
        assertThatThrownBy(() -> ParameterGrid.parse("fast=10..5:1")).hasMessageContaining("fast");
        assertThatThrownBy(() -> ParameterGrid.parse("fast=a..5")).hasMessageContaining("fast");
        assertThatThrownBy(() -> ParameterGrid.parse("fast=1..5:0")).hasMessageContaining("step > 0");
        assertThatThrownBy(() -> ParameterGrid.parse("fast=1,fast=2")).hasMessageContaining("twice");
        assertThatThrownBy(() -> ParameterGrid.parse("fast")).hasMessageContaining("name=");
        assertThatThrownBy(() -> ParameterGrid.parse(" ")).hasMessageContaining("empty");
    }
}
