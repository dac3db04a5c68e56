package io.daytrade.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.junit.jupiter.api.Test;

/** The cluster started ahead of a job goes to the first job that fits it, and to no other. */
class EarlyStartedClusterTest {

    @Test
    void theFirstJobThatFitsTakesTheClusterOthersGetTheirOwn() throws Exception {
        EarlyStartedCluster.Starting starting = EarlyStartedCluster.startInBackground(new Configuration(), 2);

        MiniCluster tooBig = starting.claimFor(shape(3));
        MiniCluster taken = starting.claimFor(shape(2));
        MiniCluster again = starting.claimFor(shape(1));
        try {
            assertThat(tooBig).isNotInstanceOf(EarlyStartedCluster.class);
            assertThat(taken).isInstanceOf(EarlyStartedCluster.class);
            assertThat(again).isNotInstanceOf(EarlyStartedCluster.class).isNotSameAs(tooBig);
            taken.start(); // waits for the start begun in the background
            assertThat(taken.isRunning()).isTrue();
        } finally {
            taken.closeAsync().get();
        }
    }

    @Test
    void aClusterNoJobTookIsClosed() throws Exception {
        EarlyStartedCluster.Starting starting = EarlyStartedCluster.startInBackground(new Configuration(), 1);
        EarlyStartedCluster.closeUnclaimed();

        assertThat(starting.claimFor(shape(1))).isNotInstanceOf(EarlyStartedCluster.class);
    }

    private static MiniClusterConfiguration shape(int slots) {
        return new MiniClusterConfiguration.Builder().setNumTaskManagers(1).setNumSlotsPerTaskManager(slots).build();
    }
}
