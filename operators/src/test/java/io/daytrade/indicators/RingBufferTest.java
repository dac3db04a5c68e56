package io.daytrade.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

/** {@code addAll} leaves a buffer as the adds one at a time would, in every slot (TA-Lib's CCI reads slot order). */
class RingBufferTest {

    @Test
    void addAllIsAddOneAtATime() throws IOException {
        double[] source = new double[40];
        for (int i = 0; i < source.length; i++) {
            source[i] = 1.5 * i - 7;
        }
        for (int capacity = 1; capacity <= 7; capacity++) {
            for (int before = 0; before <= 10; before++) {
                for (int count = 0; count <= 20; count++) {
                    RingBuffer all = new RingBuffer(capacity);
                    RingBuffer one = new RingBuffer(capacity);
                    for (int i = 0; i < before; i++) {
                        all.add(-i);
                        one.add(-i);
                    }
                    all.addAll(source, count);
                    for (int i = 0; i < count; i++) {
                        one.add(source[i]);
                    }
                    String where = "capacity " + capacity + ", " + before + " before, " + count + " added";
                    assertThat(all.added()).as(where).isEqualTo(one.added());
                    for (int slot = 0; slot < capacity; slot++) {
                        assertThat(all.slot(slot)).as("%s, slot %d", where, slot).isEqualTo(one.slot(slot));
                    }
                    assertThat(state(all)).as(where).isEqualTo(state(one));
                    all.add(99);
                    one.add(99);
                    assertThat(all.newest()).isEqualTo(one.newest());
                    if (all.isFull()) {
                        assertThat(all.oldest()).as("the oldest, %s", where).isEqualTo(one.ago(capacity - 1));
                        assertThat(all.slot(all.newestSlot())).as("the newest's slot, %s", where).isEqualTo(99.0);
                    }
                    assertThat(all.slot((int) ((all.added() - 1) % capacity))).as("the next add's slot, %s", where)
                            .isEqualTo(99.0);
                }
            }
        }
    }

    private static byte[] state(RingBuffer buffer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        buffer.writeState(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }
}
