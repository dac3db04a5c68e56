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
        writeSlots(out, values, added);
    }

    public void readState(DataInput in) throws IOException {
        clear();
        added = readSlots(in, values);
        next = (int) (added % values.length);
    }

    /**
     * Writes {@code slots}, laid out as a ring buffer's after {@code added} additions (the i-th value in slot
     * {@code i % slots.length}), in the state format of a ring buffer: the count of additions, then the
     * values held, oldest first. For windows that keep their values in arrays of their own.
     */
    static void writeSlots(DataOutput out, double[] slots, long added) throws IOException {
        out.writeLong(added);
        for (long i = added - Math.min(added, slots.length); i < added; i++) {
            out.writeDouble(slots[(int) (i % slots.length)]);
        }
    }

    /** Reads that format back into {@code slots}, each value into the slot it had; returns the count of additions. */
    static long readSlots(DataInput in, double[] slots) throws IOException {
        long added = in.readLong();
        for (long i = added - Math.min(added, slots.length); i < added; i++) {
            slots[(int) (i % slots.length)] = in.readDouble();
        }
        return added;
    }
}
