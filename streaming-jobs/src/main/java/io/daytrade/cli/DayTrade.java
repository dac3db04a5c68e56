package io.daytrade.cli;

import io.daytrade.indicators.IndicatorSpecException;
import io.daytrade.jobs.BoundedJob;
import io.daytrade.jobs.csv.CsvFormatException;
import io.daytrade.jobs.live.ConfigException;

import java.io.PrintWriter;

import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/daytrade}: the project's command line. Each subcommand runs a real Flink job; a user's
 * mistake is reported in one line without a stack trace (set DAYTRADE_DEBUG=1 to see one).
 */
@Command(name = "daytrade",
        mixinStandardHelpOptions = true,
        version = "day-trade-flink 0.1.0",
        description = "Ticks -> bars -> indicators on Apache Flink, for live streams and history alike.",
        subcommands = {DemoCommand.class, BarsCommand.class, IndicatorsCommand.class, BacktestCommand.class, SweepCommand.class, WalkForwardCommand.class,
                MonteCarloCommand.class, CrossAssetCommand.class, ClusterCommand.class, SubmitCommand.class,
                BootstrapStateCommand.class, InspectStateCommand.class,
                LiveCommand.class,
                ProduceCommand.class, ConsumeCommand.class, KafkaCommand.class,
                CommandLine.HelpCommand.class})
public final class DayTrade {

    private DayTrade() {}

    public static void main(String[] args) {
        if (!insideFlink()) {
            ClusterPrestart.parallelism(args).ifPresent(BoundedJob::startLocalClusterEarly);
        }
        int code = run(args);
        if (insideFlink()) {
            // The job manager (web UI, REST, a Kubernetes session job) or flink run called us: exiting would
            // take their JVM down. A failure is reported the way Flink expects, as an exception.
            if (code != ExitCodes.OK) {
                throw new IllegalStateException("daytrade " + String.join(" ", args) + " ended with exit code " + code);
            }
            return;
        }
        BoundedJob.awaitClustersClosed();
        System.exit(code);
    }

    /** True when Flink runs this program (a context environment is set), not a plain {@code java}. */
    private static boolean insideFlink() {
        return !(StreamExecutionEnvironment.getExecutionEnvironment() instanceof LocalStreamEnvironment);
    }

    /** Runs a command line and returns the exit code, without exiting: used by tests. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new DayTrade());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> report(exception, cmd));
        try {
            return commandLine.execute(args);
        } finally {
            BoundedJob.closeUnusedClusters();
        }
    }

    private static int report(Exception exception, CommandLine cmd) {
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandName();
        if (exception instanceof UserError || exception instanceof CsvFormatException
                || exception instanceof IndicatorSpecException || exception instanceof ConfigException) {
            err.println("daytrade " + name + ": error: " + exception.getMessage());
            debug(exception, err);
            return ExitCodes.USAGE;
        }
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        err.println("daytrade " + name + ": the job failed: " + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage()));
        if (!debug(exception, err)) {
            err.println("(run with DAYTRADE_DEBUG=1 for the stack trace)");
        }
        return ExitCodes.JOB_FAILED;
    }

    private static boolean debug(Exception exception, PrintWriter err) {
        if (System.getenv("DAYTRADE_DEBUG") != null) {
            exception.printStackTrace(err);
            return true;
        }
        err.flush();
        return false;
    }
}
