package io.daytrade.jobs.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void theDocumentedDefaultFileEqualsTheBuiltInDefaults() {
        LiveJobConfig documented = ConfigLoader.load(Paths.get("conf/job.yaml"));
        LiveJobConfig defaults = new LiveJobConfig();
        assertThat(documented).usingRecursiveComparison().isEqualTo(defaults);
        assertThat(LiveAnalyticsJob.prepare(documented).topics())
                .containsExactly("ticks", "bars", "indicators", "signals", "dead-letters");
    }

    @Test
    void aFileOverridesOnlyWhatItSets() throws IOException {
        LiveJobConfig config = ConfigLoader.load(write("kafka:\n  bootstrap-servers: broker:9093\nparallelism: 3\n"));
        assertThat(config.kafka.bootstrapServers).isEqualTo("broker:9093");
        assertThat(config.parallelism).isEqualTo(3);
        assertThat(config.kafka.groupId).isEqualTo("daytrade-live");
        assertThat(config.checkpoints.interval).isEqualTo("10s");
    }

    @Test
    void anUnknownKeyIsNamed() throws IOException {
        Path file = write("kafka:\n  bootstrap-server: broker:9093\n");
        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": unknown key 'kafka.bootstrap-server'; known keys here: bootstrap-servers,");
    }

    @Test
    void aWrongTypeIsNamed() throws IOException {
        Path file = write("parallelism: two\n");
        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": wrong value for 'parallelism'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void badDurationsIntervalsIndicatorsAndOffsetsFailBeforeTheJobStarts() throws IOException {
        assertPrepareFails("checkpoints:\n  interval: often\n",
                "'checkpoints.interval' must be a duration such as 5s, 500ms or 2min, got 'often'");
        assertPrepareFails("bars:\n  intervals: [1m, 7x]\n", "bars.intervals: bad interval '7x'");
        assertPrepareFails("indicators: sma(0)\n", "indicators: sma: period must be a whole number");
        assertPrepareFails("kafka:\n  starting-offsets: yesterday\n",
                "kafka.starting-offsets must be earliest, latest or committed, got 'yesterday'");
        assertPrepareFails("state:\n  cached-keys: -1\n", "state.cached-keys must be 0 or more, got -1");
    }

    @Test
    void rulesAreCheckedAgainstTheConfiguredIndicators() throws IOException {
        Files.writeString(dir.resolve("rules.yaml"), "rules:\n  - id: x\n    when: rsi_14 < 30 and sma_200 > close\n    side: buy\n");
        Path file = write("indicators: rsi(14)\nrules: rules.yaml\n");
        assertThatThrownBy(() -> LiveAnalyticsJob.prepare(ConfigLoader.load(file)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rules.yaml: rule 'x': unknown column 'sma_200'; the job computes close, rsi_14");
    }

    @Test
    void secretsComeFromTheEnvironmentOrAFileAndNeverAppearInMessages() throws IOException {
        Path secret = Files.writeString(dir.resolve("password"), "s3cr3t-from-file\n");
        Path file = write("kafka:\n  properties:\n    sasl.jaas.config: \"${env:JAAS}\"\n"
                + "    ssl.truststore.password: \"${file:" + secret + "}\"\n    security.protocol: SASL_SSL\n");
        LiveJobConfig config = ConfigLoader.load(file, Map.of("JAAS", "org.example.Login required password=\"p4ss\";")::get);
        assertThat(config.kafka.properties)
                .containsEntry("sasl.jaas.config", "org.example.Login required password=\"p4ss\";")
                .containsEntry("ssl.truststore.password", "s3cr3t-from-file")
                .containsEntry("security.protocol", "SASL_SSL");

        assertThatThrownBy(() -> ConfigLoader.load(file, name -> null))
                .hasMessage(file + ": 'kafka.properties.sasl.jaas.config' refers to environment variable JAAS, which is not set");

        // Kafka client properties never enter the Flink configuration, which the web UI shows.
        Configuration flink = LiveAnalyticsJob.prepare(config).flinkConfiguration();
        assertThat(flink.toMap().toString()).doesNotContain("p4ss").doesNotContain("s3cr3t");
    }

    @Test
    void theFlinkConfigurationHasRocksDbIncrementalCheckpointsExactlyOnceAndNoKryo() {
        Map<String, String> flink = LiveAnalyticsJob.prepare(new LiveJobConfig()).flinkConfiguration().toMap();
        assertThat(flink).containsEntry("state.backend.type", "rocksdb")
                .containsEntry("execution.checkpointing.incremental", "true")
                .containsEntry("execution.checkpointing.mode", "EXACTLY_ONCE")
                .containsEntry("execution.checkpointing.interval", "10 s")
                .containsEntry("restart-strategy.type", "fixed-delay")
                .containsEntry("pipeline.generic-types", "false")
                .containsEntry("pipeline.max-parallelism", "128");
    }

    private void assertPrepareFails(String yaml, String message) throws IOException {
        Path file = write(yaml);
        assertThatThrownBy(() -> LiveAnalyticsJob.prepare(ConfigLoader.load(file)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining("\n");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("job.yaml"), yaml);
    }
}
