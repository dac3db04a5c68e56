package io.daytrade.cli;

import io.daytrade.jobs.kafka.KafkaPreflight;
import io.daytrade.jobs.live.ConfigLoader;
import io.daytrade.jobs.live.LiveAnalyticsJob;
import io.daytrade.jobs.live.LiveJobConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "live",
        description = "Run the live job: Kafka ticks -> bars -> indicators -> signals -> Kafka topics, exactly"
                + " once. Under `flink run` it goes to that cluster; from bin/daytrade it runs on an embedded"
                + " cluster with the Flink web UI on 127.0.0.1.")
final class LiveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "job.yaml", description = "Job configuration (see conf/job.yaml).")
    Path config;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", description = "Overrides kafka.bootstrap-servers.")
    String bootstrapServers;

    @Option(names = "--rules", paramLabel = "rules.yaml", description = "Overrides rules.")
    Path rules;

    @Option(names = "--indicators", paramLabel = "LIST", description = "Overrides indicators.")
    String indicators;

    @Option(names = "--parallelism", paramLabel = "N", description = "Overrides parallelism.")
    Integer parallelism;

    @Option(names = "--starting-offsets", paramLabel = "earliest|latest|committed",
            description = "Overrides kafka.starting-offsets.")
    String startingOffsets;

    @Option(names = "--stop-at-latest", description = "Replay the ticks topic up to its current end, then finish.")
    boolean stopAtLatest;

    @Option(names = "--checkpoint-dir", paramLabel = "URI", description = "Overrides checkpoints.dir.")
    String checkpointDir;

    @Option(names = "--from-savepoint", paramLabel = "PATH",
            description = "Start from this savepoint (e.g. one written by bootstrap-state); under flink run use its -s.")
    String fromSavepoint;

    @Option(names = "--web-ui-port", paramLabel = "PORT", defaultValue = "8081",
            description = "Port of the embedded cluster's web UI (default 8081); ignored under flink run.")
    int webUiPort;

    @Override
    public Integer call() throws Exception {
        LiveAnalyticsJob job = prepare();
        LiveJobConfig settings = job.config();
        KafkaPreflight.check(settings.kafka.bootstrapServers, job.kafkaProperties(), job.topics(), Duration.ofSeconds(15));
        Configuration conf = job.flinkConfiguration();
        if (fromSavepoint != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, fromSavepoint);
        }
        StreamExecutionEnvironment env = environment(conf, webUiPort);
        job.build(env);
        if (env instanceof LocalStreamEnvironment) {
            spec.commandLine().getOut().println("live job starting on an embedded cluster; Flink web UI at http://127.0.0.1:"
                    + webUiPort + " (Ctrl-C stops it)");
            spec.commandLine().getOut().flush();
        }
        env.execute(LiveAnalyticsJob.NAME);
        return ExitCodes.OK;
    }

    LiveAnalyticsJob prepare() {
        LiveJobConfig settings = ConfigLoader.load(config);
        if (bootstrapServers != null) {
            settings.kafka.bootstrapServers = bootstrapServers;
        }
        if (rules != null) {
            settings.rules = rules.toAbsolutePath().toString();
        }
        if (indicators != null) {
            settings.indicators = indicators;
        }
        if (parallelism != null) {
            settings.parallelism = parallelism;
        }
        if (startingOffsets != null) {
            settings.kafka.startingOffsets = startingOffsets;
        }
        if (stopAtLatest) {
            settings.kafka.stopAtLatest = true;
        }
        if (checkpointDir != null) {
            settings.checkpoints.dir = checkpointDir;
        }
        return LiveAnalyticsJob.prepare(settings);
    }

    /**
     * The cluster's environment under {@code flink run} or in tests; from the command line, an embedded
     * cluster with the web UI bound to 127.0.0.1 only.
     */
    static StreamExecutionEnvironment environment(Configuration conf, int webUiPort) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        if (env instanceof LocalStreamEnvironment) {
            conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
            conf.set(RestOptions.ADDRESS, "127.0.0.1");
            conf.set(RestOptions.PORT, webUiPort);
            env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
        }
        env.configure(conf);
        return env;
    }
}
