package io.daytrade.signals;

/** A mistake in a signal rule; the message names the rule and what is wrong, on one line. */
public final class RuleSyntaxException extends IllegalArgumentException {

    public RuleSyntaxException(String message) {
        super(message);
    }
}
