package io.daytrade.operators;

import java.io.Serializable;

/**
 * When a key (a symbol) that stopped trading gives up its state: once the watermark is {@code timeout}
 * of event time past its last bar. Timers are rounded up to a multiple of the timeout, so a key has at
 * most two pending cleanup timers however many bars it has; its state therefore goes between one and
 * two timeouts after its last bar. Event time, not processing time, so that a replay or a restore
 * decides exactly as the original run did. A timeout of 0 keeps state forever.
 */
public final class IdleKeyCleanup implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long timeoutMillis;

    public IdleKeyCleanup(long timeoutMillis) {
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("the idle timeout must not be negative, got " + timeoutMillis);
        }
        this.timeoutMillis = timeoutMillis;
    }

    public static IdleKeyCleanup never() {
        return new IdleKeyCleanup(0);
    }

    public boolean enabled() {
        return timeoutMillis > 0;
    }

    /** The cleanup timer to register for a bar at {@code time}. */
    public long timerFor(long time) {
        long due = time + timeoutMillis;
        return Math.floorDiv(due, timeoutMillis) * timeoutMillis + timeoutMillis;
    }

    /** True if a key whose last bar was at {@code lastTime} is idle when the timer at {@code timer} fires. */
    public boolean isIdle(long lastTime, long timer) {
        return enabled() && lastTime + timeoutMillis <= timer;
    }
}
