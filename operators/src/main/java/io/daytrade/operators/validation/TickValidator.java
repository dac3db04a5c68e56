package io.daytrade.operators.validation;

import io.daytrade.operators.deadletters.DeadLetters;
import io.daytrade.schemas.Tick;

/** The checks a decoded tick must pass before it may move a bar. */
public final class TickValidator {

    /** A failed check: the dead-letter reason and what to tell a person. */
    public record Problem(String reason, String detail) {}

    private TickValidator() {}

    /** The first problem with {@code tick}, or null when it is usable. */
    public static Problem check(Tick tick) {
        if (tick.getSymbol() == null || tick.getSymbol().isBlank()) {
            return new Problem(DeadLetters.MISSING_SYMBOL, "tick has no symbol");
        }
        if (!(tick.getPrice() > 0) || Double.isInfinite(tick.getPrice())) {
            return new Problem(DeadLetters.NON_POSITIVE_PRICE,
                    "price must be a positive number, got " + tick.getPrice());
        }
        if (!(tick.getSize() >= 0) || Double.isInfinite(tick.getSize())) {
            return new Problem(DeadLetters.NEGATIVE_SIZE, "size must be zero or more, got " + tick.getSize());
        }
        return null;
    }
}
