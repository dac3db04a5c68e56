package io.daytrade.cli;

/** A mistake the user can fix (an option, a file); printed as one line, never as a stack trace. */
public final class UserError extends RuntimeException {

    public UserError(String message) {
        super(message);
    }
}
