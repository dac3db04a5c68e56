package io.daytrade.operators.statecache;

/**
 * A keyed function whose state can be held by a {@link KeyedStateCache}: it wraps the states it creates in
 * {@code open} with the cache it was given, or with {@link KeyedStateCache#passThrough()} when none was.
 */
public interface UsesKeyedStateCache {

    /** Called by {@link StateCachingKeyedProcessOperator} before the function is opened. */
    void useStateCache(KeyedStateCache cache);
}
