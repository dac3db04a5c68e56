package io.daytrade.operators.bars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ExactSumTest {

    @Test
    void isTheExactSumRoundedOnce() {
        ExactSum sum = new ExactSum();
        sum.add(0.1);
        sum.add(0.2);
        sum.add(0.3);
        // A running double sum gives 0.6000000000000001; the exact sum of these three doubles rounds to 0.6.
        assertThat(0.1 + 0.2 + 0.3).isNotEqualTo(0.6);
        assertThat(sum.value()).isEqualTo(0.6);
    }

    @Test
    void keepsTermsThatARunningSumWouldLose() {
        ExactSum sum = new ExactSum();
        sum.add(1e16);
        sum.add(1.0);
        sum.add(-1e16);
        assertThat(sum.value()).isEqualTo(1.0);
    }

    @Test
    void anyOrderAndAnySplitIntoMergedPartsGiveTheSameDoubleAsBigDecimal() {
        Random random = new Random(3);
        List<Double> terms = new ArrayList<>();
        BigDecimal exact = BigDecimal.ZERO;
        for (int i = 0; i < 2_000; i++) {
            double term = random.nextDouble() * Math.pow(10, random.nextInt(12) - 4) * (random.nextInt(5) == 0 ? -1 : 1);
            terms.add(term);
            exact = exact.add(new BigDecimal(term));
        }
        double expected = exact.doubleValue();
        for (int trial = 0; trial < 20; trial++) {
            Collections.shuffle(terms, random);
            ExactSum[] parts = {new ExactSum(), new ExactSum(), new ExactSum()};
            for (double term : terms) {
                parts[random.nextInt(3)].add(term);
            }
            ExactSum merged = new ExactSum();
            for (int i : trial % 2 == 0 ? new int[] {0, 1, 2} : new int[] {2, 0, 1}) {
                merged.add(parts[i]);
            }
            assertThat(merged.value()).isEqualTo(expected);
        }
    }

    @Test
    void aClearedSumStartsAgainFromNothing() {
        ExactSum sum = new ExactSum();
        sum.add(1e16);
        sum.add(1.0);
        sum.add(0.1);
        sum.clear();
        assertThat(sum.value()).isEqualTo(0.0);
        sum.add(0.1);
        sum.add(0.2);
        assertThat(sum.value()).isEqualTo(0.30000000000000004);
    }

    @Test
    void emptyIsZeroAndCopiesAreIndependent() {
        ExactSum sum = new ExactSum();
        assertThat(sum.value()).isEqualTo(0.0);
        sum.add(2.5);
        ExactSum copy = sum.copy();
        copy.add(1.0);
        assertThat(sum.value()).isEqualTo(2.5);
        assertThat(copy.value()).isEqualTo(3.5);
    }

    @Test
    void rejectsNonFiniteTerms() {
        assertThatThrownBy(() -> new ExactSum().add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
