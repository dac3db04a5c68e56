package io.daytrade.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.NettyShuffleEnvironmentOptions;
import org.apache.flink.configuration.TaskManagerOptions;
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

    @Test
    void networkBuffersAreSizedBySlotUnlessTheConfigurationSaysOtherwise() {
        Configuration sized = new Configuration();
        EarlyStartedCluster.sizeNetworkBuffers(sized, 4);

        assertThat(sized.get(TaskManagerOptions.NETWORK_MEMORY_MIN)).isEqualTo(MemorySize.ofMebiBytes(32));
        assertThat(sized.get(TaskManagerOptions.NETWORK_MEMORY_MAX)).isEqualTo(MemorySize.ofMebiBytes(32));
        assertThat(sized.get(NettyShuffleEnvironmentOptions.NETWORK_SORT_SHUFFLE_MIN_BUFFERS)).isEqualTo(64);

        Configuration given = new Configuration();
        given.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(256));
        given.set(NettyShuffleEnvironmentOptions.NETWORK_SORT_SHUFFLE_MIN_BUFFERS, 512);
        EarlyStartedCluster.sizeNetworkBuffers(given, 4);

        assertThat(given.contains(TaskManagerOptions.NETWORK_MEMORY_MIN)).isFalse();
        assertThat(given.get(TaskManagerOptions.NETWORK_MEMORY_MAX)).isEqualTo(MemorySize.ofMebiBytes(256));
        assertThat(given.get(NettyShuffleEnvironmentOptions.NETWORK_SORT_SHUFFLE_MIN_BUFFERS)).isEqualTo(512);
    }

    private static MiniClusterConfiguration shape(int slots) {
        return new MiniClusterConfiguration.Builder().setNumTaskManagers(1).setNumSlotsPerTaskManager(slots).build();
    }
}
