package io.daytrade.it;

import io.daytrade.cli.DayTrade;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code bin/daytrade}'s entry point in the test JVM, where jobs go to the test MiniCluster. */
final class Cli {

    record Run(int exitCode, String out, String err) {}

    private Cli() {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DayTrade.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }
}
