package io.daytrade.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class StateBackendSettingsTest {

    @Test
    void setsTheKeysFlinkReadsForRocksDbWithIncrementalCheckpoints() {
        Configuration conf = StateBackendSettings.rocksDbWithIncrementalCheckpoints("file:///tmp/cp", Duration.ofSeconds(10));
        Map<String, String> keys = conf.toMap();
        assertThat(keys).containsEntry("state.backend.type", "rocksdb")
                .containsEntry("execution.checkpointing.incremental", "true")
                .containsEntry("execution.checkpointing.dir", "file:///tmp/cp")
                .containsEntry("execution.checkpointing.interval", "10 s");
    }

    @Test
    void rejectsAMissingDirectoryOrANonPositiveInterval() {
        assertThatThrownBy(() -> StateBackendSettings.rocksDbWithIncrementalCheckpoints(" ", Duration.ofSeconds(1)))
                .hasMessageContaining("checkpoint directory");
        assertThatThrownBy(() -> StateBackendSettings.rocksDbWithIncrementalCheckpoints("file:///x", Duration.ZERO))
                .hasMessageContaining("must be positive");
    }
}
