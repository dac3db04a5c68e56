package io.daytrade.jobs;

import java.util.stream.Stream;

import org.apache.flink.client.deployment.executors.LocalExecutor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;

/**
 * Flink's local executor, given the {@link EarlyStartedCluster} for the first job that fits it instead of
 * a cluster started when the job is submitted; any other job gets a cluster of its own, as before. The
 * executor shuts the cluster down when its job ends.
 */
final class EarlyClusterExecutors implements PipelineExecutorServiceLoader {

    private final EarlyStartedCluster.Starting cluster;

    EarlyClusterExecutors(EarlyStartedCluster.Starting cluster) {
        this.cluster = cluster;
    }

    @Override
    public PipelineExecutorFactory getExecutorFactory(Configuration configuration) {
        return new PipelineExecutorFactory() {
            @Override
            public String getName() {
                return LocalExecutor.NAME;
            }

            @Override
            public boolean isCompatibleWith(Configuration configuration) {
                return true;
            }

            @Override
            public PipelineExecutor getExecutor(Configuration configuration) {
                return LocalExecutor.createWithFactory(configuration, cluster::claimFor);
            }
        };
    }

    @Override
    public Stream<String> getExecutorNames() {
        return Stream.of(LocalExecutor.NAME);
    }
}
