package io.daytrade.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The last {@code capacity} values of a series, in a fixed array. Slot {@code i % capacity} holds the
 * i-th value ever added, which is also how TA-Lib lays out its circular buffers (CCI sums its buffer
 * in slot order, so the layout matters for bit-exact results).
 */
public final class RingBuffer {

    private final double[] values;
    private long added;
    /** Slot of the next value: {@code added % capacity}, kept so that no access needs a 64-bit division. */
    private int next;

    public RingBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.values = new double[capacity];
    }

    public void add(double value) {
        values[next] = value;
        if (++next == values.length) {
            next = 0;
        }
        added++;
    }

    /** As {@code count} calls of {@link #add} with {@code source[0..count)}, writing only the values it keeps. */
    public void addAll(double[] source, int count) {
        int capacity = values.length;
        for (int i = Math.max(0, count - capacity); i < count; i++) {
            values[(int) ((next + (long) i) % capacity)] = source[i];
        }
        next = (int) ((next + (long) count) % capacity);
        added += count;
    }

    /** The value added {@code back} additions ago: 0 is the newest. */
    public double ago(int back) {
        if (back < 0 || back >= size()) {
            throw new IndexOutOfBoundsException("no value " + back + " ago; size " + size());
        }
        int slot = next - 1 - back;
        return values[slot < 0 ? slot + values.length : slot];
    }

    /**
     * The oldest value of a full buffer, {@code ago(capacity() - 1)}: the one the next {@link #add} replaces.
     * Without {@code ago}'s bounds check and slot arithmetic, for the running sums that drop it every bar.
     */
    public double oldest() {
        return values[next];
    }

    /** The value added last; the buffer must not be empty. */
    public double newest() {
        return values[newestSlot()];
    }

    /** The physical slot of the newest value; the buffer must not be empty. */
    public int newestSlot() {
        return next == 0 ? values.length - 1 : next - 1;
    }

    /** The value in physical slot {@code slot}, for algorithms that follow TA-Lib's slot order. */
    public double slot(int slot) {
        return values[slot];
    }

    public int capacity() {
        return values.length;
    }

    public int size() {
        return (int) Math.min(added, values.length);
    }

    public boolean isFull() {
        return added >= values.length;
    }

    public long added() {
        return added;
    }

    public void clear() {
        added = 0;
        next = 0;
        java.util.Arrays.fill(values, 0.0);
    }

    public void writeState(DataOutput out) throws IOException {
        out.writeLong(added);
        int size = size();
        for (int back = size - 1; back >= 0; back--) {
            out.writeDouble(ago(back));
        }
    }

    public void readState(DataInput in) throws IOException {
        long restoredAdded = in.readLong();
        int size = (int) Math.min(restoredAdded, values.length);
        clear();
        // Re-add the values so each lands in the slot it had: slot = index % capacity.
        added = restoredAdded - size;
        next = (int) (added % values.length);
        for (int i = 0; i < size; i++) {
            add(in.readDouble());
        }
    }
}
