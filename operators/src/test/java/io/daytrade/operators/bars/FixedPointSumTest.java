package io.daytrade.operators.bars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** A {@link FixedPointSum} drained into an {@link ExactSum} gives the double nearest the exact sum. */
class FixedPointSumTest {

    @Test
    void pricesSizesAndNotionalsInAnyOrderGiveTheDoubleNearestTheExactSum() {
        Random random = new Random(7);
        List<Double> terms = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            double price = Math.round((1 + random.nextDouble() * 5_000) * 10_000) / 10_000.0;
            double size = 1 + random.nextInt(500);
            terms.add(random.nextBoolean() ? size : price * size);
        }
        assertSumsLikeBigDecimal(terms, random);
    }

    @Test
    void termsOutsideTheFixedRangeNegativesZerosAndSubnormalsAreExactToo() {
        Random random = new Random(8);
        List<Double> terms = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            double term = switch (random.nextInt(9)) {
                case 0 -> random.nextDouble() * 1e-25;         // finer than 2^-64
                case 1 -> random.nextDouble() * 1e18;          // above 2^48
                case 2 -> Double.MIN_VALUE * random.nextInt(1_000); // subnormal (or zero)
                case 3 -> random.nextBoolean() ? 0.0 : -0.0;
                case 4 -> -random.nextDouble() * 1e6;
                case 5 -> 0x1p48 - 1;                          // the largest whole fixed-range values
                case 6 -> Math.scalb(1.0, -64);                // the smallest fixed-range unit
                case 7 -> -Math.scalb((double) (1 + random.nextInt(1_000)), 12 + random.nextInt(30)); // no low bits
                default -> random.nextDouble() * Math.pow(10, random.nextInt(12) - 4);
            };
            terms.add(term);
        }
        assertSumsLikeBigDecimal(terms, random);
    }

    @Test
    void negativeTermsWithoutLowBitsSumExactlyBesideSmallOnes() {
        Random random = new Random(10);
        List<Double> terms = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            terms.add(i % 2 == 0
                    ? -Math.scalb((double) (1 + random.nextInt(1_000)), 12 + random.nextInt(30)) // whole multiples of 2^12 and more
                    : random.nextDouble());
        }
        assertSumsLikeBigDecimal(terms, random);
    }

    @Test
    void aLongRunOfLargeTermsDrainsBeforeTheCountOverflows() {
        List<Double> terms = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) { // 2^64.6 in all: far past what 128 bits of 2^-64 hold
            terms.add(i % 7 == 0 ? 0.125 : 0x1.fffffffffffffp47);
        }
        assertSumsLikeBigDecimal(terms, new Random(9), 1);
    }

    @Test
    void aNonFiniteTermFailsAsInExactSum() {
        FixedPointSum sum = new FixedPointSum();
        ExactSum elsewhere = new ExactSum();
        assertThatThrownBy(() -> sum.add(Double.NaN, elsewhere)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sum.add(Double.POSITIVE_INFINITY, elsewhere)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void drainingLeavesNothingBehind() {
        FixedPointSum sum = new FixedPointSum();
        ExactSum first = new ExactSum();
        sum.add(0.1, first);
        sum.add(-2.5, first);
        sum.drainInto(first);
        ExactSum second = new ExactSum();
        sum.drainInto(second);
        assertThat(first.value()).isEqualTo(new BigDecimal(0.1).add(new BigDecimal(-2.5)).doubleValue());
        assertThat(second.value()).isEqualTo(0.0);
    }

    /** In shuffled orders, split over sums in progress that are drained and merged like bar parts. */
    private static void assertSumsLikeBigDecimal(List<Double> terms, Random random) {
        assertSumsLikeBigDecimal(terms, random, 3);
    }

    private static void assertSumsLikeBigDecimal(List<Double> terms, Random random, int partCount) {
        BigDecimal exact = BigDecimal.ZERO;
        for (double term : terms) {
            exact = exact.add(new BigDecimal(term));
        }
        double expected = exact.doubleValue();
        ExactSum reference = new ExactSum();
        terms.forEach(reference::add);
        assertThat(reference.value()).isEqualTo(expected);
        for (int trial = 0; trial < 10; trial++) {
            List<Double> shuffled = new ArrayList<>(terms);
            Collections.shuffle(shuffled, random);
            FixedPointSum[] inProgress = new FixedPointSum[partCount];
            ExactSum[] parts = new ExactSum[partCount];
            for (int i = 0; i < partCount; i++) {
                inProgress[i] = new FixedPointSum();
                parts[i] = new ExactSum();
            }
            for (double term : shuffled) {
                int part = random.nextInt(partCount);
                inProgress[part].add(term, parts[part]);
            }
            ExactSum merged = new ExactSum();
            for (int i = 0; i < partCount; i++) {
                inProgress[i].drainInto(parts[i]);
                merged.add(parts[i]);
            }
            assertThat(merged.value()).as("trial %d", trial).isEqualTo(expected);
        }
    }
}
