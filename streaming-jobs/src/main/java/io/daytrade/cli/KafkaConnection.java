package io.daytrade.cli;

import io.daytrade.jobs.live.ConfigLoader;
import io.daytrade.jobs.live.LiveJobConfig;

import java.nio.file.Path;
import java.util.Properties;

import picocli.CommandLine.Option;

/** {@code --bootstrap-servers} and {@code --config}: how a command reaches Kafka, shared by produce and consume. */
final class KafkaConnection {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Default: from --config, else 127.0.0.1:9092.")
    String bootstrapServers;

    @Option(names = "--config", paramLabel = "job.yaml", description = "Job configuration: its kafka settings are used.")
    Path config;

    private LiveJobConfig settings;

    private LiveJobConfig settings() {
        if (settings == null) {
            settings = ConfigLoader.load(config);
        }
        return settings;
    }

    String bootstrapServers() {
        return bootstrapServers != null ? bootstrapServers : settings().kafka.bootstrapServers;
    }

    /** The configuration's Kafka client properties (security settings and the like), secrets resolved. */
    Properties clientProperties() {
        Properties properties = new Properties();
        properties.putAll(settings().kafka.properties);
        return properties;
    }
}
