package io.daytrade.jobs.live;

/** A mistake in the job configuration or the rule file: one line that says what to fix. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
