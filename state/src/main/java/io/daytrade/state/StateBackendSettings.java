package io.daytrade.state;

import java.time.Duration;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;

/**
 * The state backend every long-running job uses: RocksDB with incremental checkpoints, so a checkpoint
 * uploads only the files that changed since the last one, and state is not bound by the JVM heap.
 */
public final class StateBackendSettings {

    private StateBackendSettings() {}

    /**
     * @param checkpointDir where checkpoints go, e.g. {@code file:///var/flink/checkpoints} or {@code s3://bucket/cp}
     * @param interval time between checkpoints; also how often exactly-once output becomes visible
     */
    public static Configuration rocksDbWithIncrementalCheckpoints(String checkpointDir, Duration interval) {
        if (checkpointDir == null || checkpointDir.isBlank()) {
            throw new IllegalArgumentException("a checkpoint directory is needed for RocksDB checkpoints");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the checkpoint interval must be positive, got " + interval);
        }
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir);
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, interval);
        conf.set(StateRecoveryOptions.LOCAL_RECOVERY, false);
        // Timers on the heap: the jobs keep one or two per symbol (bar ends, idle cleanup), and RocksDB
        // timers cost a write and a delete per bar; heap timers go into every checkpoint, which at a
        // few per symbol is small.
        conf.set(RocksDBOptions.TIMER_SERVICE_FACTORY, EmbeddedRocksDBStateBackend.PriorityQueueStateType.HEAP);
        return conf;
    }
}
