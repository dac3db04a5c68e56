package io.daytrade.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The blocks' extreme is the window's, found by scanning it, at every bar of random walks with long
 * stretches of equal values, for capacities that divide the series and ones that do not, and after the
 * ring buffer was written and read back at any bar (a restore), which the blocks must rebuild from.
 */
class SlidingExtremeTest {

    @Test
    void isTheScannedExtremeOfTheWindowAtEveryFullBar() {
        Random random = new Random(11);
        for (int capacity : new int[] {1, 2, 3, 5, 14, 50}) {
            double[] series = walk(random, 700);
            RingBuffer window = new RingBuffer(capacity);
            SlidingExtreme highest = SlidingExtreme.highest(capacity);
            SlidingExtreme lowest = SlidingExtreme.lowest(capacity);
            for (int i = 0; i < series.length; i++) {
                window.add(series[i]);
                highest.update(window);
                lowest.update(window);
                if (window.isFull()) {
                    assertThat(highest.value()).as("highest, capacity %d, bar %d", capacity, i)
                            .isEqualTo(scan(series, i, capacity, true));
                    assertThat(lowest.value()).as("lowest, capacity %d, bar %d", capacity, i)
                            .isEqualTo(scan(series, i, capacity, false));
                }
            }
        }
    }

    @Test
    void rebuildsFromARestoredBufferAtAnyBar() throws IOException {
        Random random = new Random(12);
        int capacity = 14;
        double[] series = walk(random, 120);
        for (int restoreAt = 0; restoreAt < 60; restoreAt++) {
            RingBuffer window = new RingBuffer(capacity);
            SlidingExtreme highest = SlidingExtreme.highest(capacity);
            for (int i = 0; i < series.length; i++) {
                if (i == restoreAt) {
                    window = restored(window, capacity);
                    highest = SlidingExtreme.highest(capacity); // a new operator instance after a restore
                }
                window.add(series[i]);
                highest.update(window);
                if (window.isFull()) {
                    assertThat(highest.value()).as("restored at %d, bar %d", restoreAt, i)
                            .isEqualTo(scan(series, i, capacity, true));
                }
            }
        }
    }

    @Test
    void invalidatedStartsAgainFromTheBuffer() {
        double[] series = walk(new Random(13), 200);
        RingBuffer window = new RingBuffer(5);
        SlidingExtreme lowest = SlidingExtreme.lowest(5);
        for (int i = 0; i < series.length; i++) {
            window.add(series[i]);
            if (i % 7 == 3) {
                lowest.invalidate();
            }
            lowest.update(window);
            if (window.isFull()) {
                assertThat(lowest.value()).as("bar %d", i).isEqualTo(scan(series, i, 5, false));
            }
        }
    }

    /** Steps of -2..2 cents, a third of them zero: plenty of ties and of extremes leaving the window. */
    private static double[] walk(Random random, int n) {
        double[] series = new double[n];
        double price = 100;
        for (int i = 0; i < n; i++) {
            price += (random.nextInt(5) - 2) / 100.0 * (random.nextInt(3) == 0 ? 0 : 1);
            series[i] = price;
        }
        return series;
    }

    private static double scan(double[] series, int last, int capacity, boolean highest) {
        double extreme = series[last];
        for (int i = last - capacity + 1; i < last; i++) {
            extreme = highest ? Math.max(extreme, series[i]) : Math.min(extreme, series[i]);
        }
        return extreme;
    }

    private static RingBuffer restored(RingBuffer window, int capacity) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        window.writeState(new DataOutputStream(bytes));
        RingBuffer copy = new RingBuffer(capacity);
        copy.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        return copy;
    }
}
