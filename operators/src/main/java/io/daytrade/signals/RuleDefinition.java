package io.daytrade.signals;

import io.daytrade.schemas.Side;

/**
 * One rule as a user writes it: {@code id: golden-cross, when: "crosses_above(sma_10, sma_50)", side: buy}.
 */
public record RuleDefinition(String id, String when, Side side) implements java.io.Serializable {}
