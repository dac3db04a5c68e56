package io.daytrade.cli;

import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.jobs.AnalyticsPipeline;
import io.daytrade.jobs.live.ConfigLoader;
import io.daytrade.jobs.live.LiveJobConfig;
import io.daytrade.state.savepoint.StateInspector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "inspect-state",
        description = "Print what a savepoint (or retained checkpoint) of the live job holds per symbol: bars in progress,"
                + " indicator values (or still warming up) and the signal rules' memory.")
final class InspectStateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SAVEPOINT_DIR", description = "The savepoint's directory.")
    Path savepoint;

    @Option(names = "--symbol", paramLabel = "S", description = "Only this symbol.")
    String symbol;

    @Option(names = "--config", paramLabel = "job.yaml", description = "The job's configuration, for its indicators and intervals (default: the defaults).")
    Path config;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(savepoint) || !Files.exists(savepoint.resolve("_metadata"))) {
            throw new UserError(savepoint + " is not a savepoint directory (no _metadata file)");
        }
        LiveJobConfig settings = ConfigLoader.load(config);
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        List<String> lines = StateInspector.inspect(env, savepoint.toAbsolutePath().toUri().toString(),
                new StateInspector.Uids(AnalyticsPipeline.BARS_UID, AnalyticsPipeline.INDICATORS_UID, AnalyticsPipeline.SIGNALS_UID),
                IndicatorSpec.parseList(settings.indicators), settings.bars.intervals, symbol);
        var out = spec.commandLine().getOut();
        if (lines.isEmpty()) {
            out.println(symbol == null ? "the savepoint holds no keyed state of the live job" : "no state for " + symbol);
        }
        lines.forEach(out::println);
        out.flush();
        return ExitCodes.OK;
    }
}
