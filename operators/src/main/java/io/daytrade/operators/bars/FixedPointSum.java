package io.daytrade.operators.bars;

/**
 * An exact sum in progress, in front of an {@link ExactSum}: terms that are whole multiples of 2^-64 and
 * below 2^48 in magnitude (prices, sizes and their products, in practice) are added to a 128-bit integer
 * count of 2^-64, a handful of integer instructions; any other term goes to the {@code ExactSum} as it
 * is. The sum is the two together, exact either way, so it does not depend on the order of the terms.
 * Why: {@code ExactSum.add} runs a chain of dependent floating-point operations per partial, about 10 ns
 * a term; this is about 3 ns, and the pre-aggregation adds two terms per tick.
 *
 * <p>Not a Flink type: the count lives only while a part is being filled and is drained into the part's
 * {@code ExactSum} ({@link #drainInto}) before the part is sent anywhere.
 */
public final class FixedPointSum {

    /** Terms below 2^48, so 2^13 of them fit between two checks against {@link #SPILL_AT}. */
    private static final int MAX_SHIFT = 48 + 64 - 53;
    /** Beyond this the count is drained before it could overflow. */
    private static final long SPILL_AT = 1L << 61;

    /** The count of 2^-64, two's complement over (high, low); low is unsigned. */
    private long high;
    private long low;

    /** Adds {@code x} here if it fits, to {@code elsewhere} if not; then the sum is this plus {@code elsewhere}. */
    public void add(double x, ExactSum elsewhere) {
        long bits = Double.doubleToRawLongBits(x);
        int exponent = (int) ((bits >>> 52) & 0x7ff);
        // x = mantissa * 2^(exponent - 1075) for normal numbers; counted in 2^-64 that is a left shift by this.
        int shift = exponent - 1075 + 64;
        if (exponent == 0 || shift < 0 || shift > MAX_SHIFT) {
            if (bits << 1 != 0) { // zeros add nothing; subnormals, tiny, huge and non-finite terms go on
                elsewhere.add(x);
            }
            return;
        }
        long mantissa = (bits & 0xfffffffffffffL) | 0x10000000000000L;
        long addLow;
        long addHigh;
        if (shift == 0) {
            addLow = mantissa;
            addHigh = 0;
        } else if (shift < 64) {
            addLow = mantissa << shift;
            addHigh = mantissa >>> (64 - shift);
        } else {
            addLow = 0;
            addHigh = mantissa << (shift - 64);
        }
        if (bits < 0) { // negate the 128-bit term
            addLow = -addLow;
            addHigh = ~addHigh + (addLow == 0 ? 1 : 0);
        }
        long sum = low + addLow;
        high += addHigh + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
        low = sum;
        if (high >= SPILL_AT || high <= -SPILL_AT) {
            drainInto(elsewhere);
        }
    }

    /** Adds this sum to {@code target} exactly and starts again from zero. */
    public void drainInto(ExactSum target) {
        if (high == 0 && low == 0) {
            return;
        }
        // Four pieces of 32 bits each, each exact as a double: high's upper and lower half in units of
        // 2^32 and 1, low's in units of 2^-32 and 2^-64.
        addNonZero(target, (double) (high >> 32) * 0x1p32);
        addNonZero(target, (double) (high & 0xffffffffL));
        addNonZero(target, (double) (low >>> 32) * 0x1p-32);
        addNonZero(target, (double) (low & 0xffffffffL) * 0x1p-64);
        high = 0;
        low = 0;
    }

    private static void addNonZero(ExactSum target, double piece) {
        if (piece != 0.0) {
            target.add(piece);
        }
    }
}
