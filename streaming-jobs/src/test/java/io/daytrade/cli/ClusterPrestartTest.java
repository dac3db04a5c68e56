package io.daytrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterPrestartTest {

    @Test
    void aBoundedCommandStartsItsClusterWithTheParallelismItAsksFor() {
        assertThat(ClusterPrestart.parallelism("sweep", "--bars", "b.csv", "--parallelism", "3")).hasValue(3);
        assertThat(ClusterPrestart.parallelism("backtest", "--parallelism=4", "--bars", "b.csv")).hasValue(4);
        assertThat(ClusterPrestart.parallelism("walk-forward", "--bars", "b.csv")).hasValue(0);
        assertThat(ClusterPrestart.parallelism("demo", "--batch")).hasValue(0);
    }

    @Test
    void noClusterForOtherCommandsHelpOrAClusterElsewhere() {
        assertThat(ClusterPrestart.parallelism("live", "--config", "job.yaml")).isEmpty();
        assertThat(ClusterPrestart.parallelism("demo")).isEmpty();
        assertThat(ClusterPrestart.parallelism()).isEmpty();
        assertThat(ClusterPrestart.parallelism("sweep", "--help")).isEmpty();
        assertThat(ClusterPrestart.parallelism("sweep", "--bars", "b.csv", "--cluster")).isEmpty();
        assertThat(ClusterPrestart.parallelism("sweep", "--cluster=http://host:8081")).isEmpty();
        assertThat(ClusterPrestart.parallelism("sweep", "--parallelism", "two")).isEmpty();
    }
}
