package io.daytrade.indicators;

/** A mistake in an indicator list, with a one-line message meant for the person who wrote it. */
public final class IndicatorSpecException extends IllegalArgumentException {

    public IndicatorSpecException(String message) {
        super(message);
    }
}
