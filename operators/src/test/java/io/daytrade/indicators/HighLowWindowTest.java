package io.daytrade.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The blocks' extremes are the window's, found by scanning it, at every bar of random walks with long
 * stretches of equal values, for capacities that divide the series and ones that do not; after a restore at
 * any bar, which the blocks must rebuild from; and the state is byte for byte two ring buffers' states, the
 * format indicators wrote before this class.
 */
class HighLowWindowTest {

    @Test
    void isTheScannedExtremeOfTheWindowAtEveryFullBar() {
        Random random = new Random(11);
        for (int capacity : new int[] {1, 2, 3, 5, 14, 50}) {
            double[] highs = walk(random, 700);
            double[] lows = walk(random, 700);
            HighLowWindow window = new HighLowWindow(capacity);
            for (int i = 0; i < highs.length; i++) {
                window.add(highs[i], lows[i]);
                assertThat(window.isFull()).as("full at bar %d, capacity %d", i, capacity).isEqualTo(i >= capacity - 1);
                if (window.isFull()) {
                    assertThat(window.highest()).as("highest, capacity %d, bar %d", capacity, i)
                            .isEqualTo(scan(highs, i, capacity, true));
                    assertThat(window.lowest()).as("lowest, capacity %d, bar %d", capacity, i)
                            .isEqualTo(scan(lows, i, capacity, false));
                }
            }
        }
    }

    @Test
    void rebuildsItsBlocksFromARestoredStateAtAnyBar() throws IOException {
        Random random = new Random(12);
        int capacity = 14;
        double[] highs = walk(random, 120);
        double[] lows = walk(random, 120);
        for (int restoreAt = 0; restoreAt < 60; restoreAt++) {
            HighLowWindow window = new HighLowWindow(capacity);
            for (int i = 0; i < highs.length; i++) {
                if (i == restoreAt) {
                    window = restored(window, capacity); // a new operator instance after a restore
                }
                window.add(highs[i], lows[i]);
                if (window.isFull()) {
                    assertThat(window.highest()).as("restored at %d, bar %d", restoreAt, i)
                            .isEqualTo(scan(highs, i, capacity, true));
                    assertThat(window.lowest()).as("restored at %d, bar %d", restoreAt, i)
                            .isEqualTo(scan(lows, i, capacity, false));
                }
            }
        }
    }

    @Test
    void writesAndReadsTheStateOfTwoRingBuffers() throws IOException {
        Random random = new Random(13);
        int capacity = 5;
        for (int bars : new int[] {0, 3, 5, 12}) {
            double[] highs = walk(random, bars);
            double[] lows = walk(random, bars);
            HighLowWindow window = new HighLowWindow(capacity);
            RingBuffer highBuffer = new RingBuffer(capacity);
            RingBuffer lowBuffer = new RingBuffer(capacity);
            for (int i = 0; i < bars; i++) {
                window.add(highs[i], lows[i]);
                highBuffer.add(highs[i]);
                lowBuffer.add(lows[i]);
            }
            ByteArrayOutputStream buffers = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(buffers);
            highBuffer.writeState(out);
            lowBuffer.writeState(out);
            assertThat(bytes(window)).as("%d bars", bars).isEqualTo(buffers.toByteArray());

            HighLowWindow fromBuffers = new HighLowWindow(capacity);
            fromBuffers.readState(new DataInputStream(new ByteArrayInputStream(buffers.toByteArray())));
            assertThat(bytes(fromBuffers)).as("%d bars read back", bars).isEqualTo(buffers.toByteArray());
        }
    }

    @Test
    void refusesHighsAndLowsOfDifferentLengths() throws IOException {
        RingBuffer highs = new RingBuffer(3);
        RingBuffer lows = new RingBuffer(3);
        highs.add(2.0);
        highs.add(3.0);
        lows.add(1.0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        highs.writeState(out);
        lows.writeState(out);
        HighLowWindow window = new HighLowWindow(3);
        assertThatThrownBy(() -> window.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("different lengths");
    }

    @Test
    void startsAgainAfterClear() {
        double[] highs = walk(new Random(14), 40);
        double[] lows = walk(new Random(15), 40);
        HighLowWindow window = new HighLowWindow(5);
        for (int i = 0; i < 17; i++) {
            window.add(highs[i], lows[i]);
        }
        window.clear();
        assertThat(window.isFull()).isFalse();
        for (int i = 20; i < 40; i++) {
            window.add(highs[i], lows[i]);
            if (i >= 24) {
                assertThat(window.highest()).as("bar %d", i).isEqualTo(scan(highs, i, 5, true));
                assertThat(window.lowest()).as("bar %d", i).isEqualTo(scan(lows, i, 5, false));
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

    private static byte[] bytes(HighLowWindow window) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        window.writeState(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static HighLowWindow restored(HighLowWindow window, int capacity) throws IOException {
        HighLowWindow copy = new HighLowWindow(capacity);
        copy.readState(new DataInputStream(new ByteArrayInputStream(bytes(window))));
        return copy;
    }
}
