package io.daytrade.jobs;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.NettyShuffleEnvironmentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.RpcServiceSharing;

/**
 * The embedded cluster of a bounded command, built and started on a thread of its own before the command
 * has built its job. Starting a cluster in a fresh JVM (Flink's RPC system and runtime classes loaded,
 * the actor systems, the task manager) took about 2 s of a small command's 6, all of it after the JVM
 * had loaded the command and built the job; on two cores the two now overlap. {@link #start()}, which
 * Flink's executor calls when the job is submitted, waits for the start begun in the background.
 */
final class EarlyStartedCluster extends MiniCluster {

    /** Clusters on their way up that no job has taken: a command that fails before its job runs closes them. */
    /** Network memory of the embedded task manager, per slot ({@link #sizeNetworkBuffers}). */
    static final MemorySize NETWORK_PER_SLOT = MemorySize.ofMebiBytes(8);
    /** The buffers each sort-shuffle partition writes through (Flink's default: 512, 16 MiB). */
    static final int SORT_SHUFFLE_BUFFERS = 64;

    private static final Set<Starting> UNCLAIMED = ConcurrentHashMap.newKeySet();
    /**
     * Clusters handed to jobs: their executor closes them when the job ends, without waiting. Weakly held:
     * a JVM that runs many commands (tests, the benchmarks) keeps no closed cluster alive.
     */
    private static final Set<MiniCluster> HANDED_OUT =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private final CompletableFuture<Void> started = new CompletableFuture<>();

    private EarlyStartedCluster(MiniClusterConfiguration configuration) {
        super(configuration);
    }

    /** A cluster being built and started in the background, with the slots it will have. */
    static final class Starting {
        private final int slots;
        private final CompletableFuture<EarlyStartedCluster> cluster = new CompletableFuture<>();

        private Starting(int slots) {
            this.slots = slots;
        }

        /**
         * This cluster, if a job of {@code required}'s shape fits it and no other job took it; else one of
         * the job's own, as Flink's executor would have started.
         */
        MiniCluster claimFor(MiniClusterConfiguration required) {
            boolean fits = required.getNumTaskManagers() == 1
                    && required.getConfiguration().get(TaskManagerOptions.NUM_TASK_SLOTS) <= slots;
            MiniCluster handedOut = null;
            if (fits && UNCLAIMED.remove(this)) {
                try {
                    handedOut = cluster.join();
                } catch (RuntimeException buildFailed) {
                    // Built again below, where a failure reaches the command as the job's.
                }
            }
            if (handedOut == null) {
                handedOut = new MiniCluster(required);
            }
            HANDED_OUT.add(handedOut);
            return handedOut;
        }

        private void close() {
            cluster.thenAccept(built -> built.started.whenComplete((ignored, failure) -> built.closeAsync()));
        }
    }

    /**
     * Builds and starts, on a thread of its own, a cluster of one task manager with {@code slots} slots,
     * configured as Flink's local executor configures the cluster of a job with that parallelism.
     */
    static Starting startInBackground(Configuration conf, int slots) {
        Starting starting = new Starting(slots);
        UNCLAIMED.add(starting);
        Thread starter = new Thread(() -> {
            EarlyStartedCluster cluster;
            try {
                cluster = new EarlyStartedCluster(configuration(conf, slots));
            } catch (Throwable t) {
                starting.cluster.completeExceptionally(t);
                return;
            }
            starting.cluster.complete(cluster);
            cluster.startNow();
        }, "daytrade-cluster-start");
        starter.setDaemon(true);
        starter.start();
        return starting;
    }

    /** Closes every cluster started for a job that never ran. */
    static void closeUnclaimed() {
        for (Starting starting : UNCLAIMED) {
            if (UNCLAIMED.remove(starting)) {
                starting.close();
            }
        }
    }

    /**
     * Waits, up to {@code timeout}, until every cluster handed to a job has shut down. A JVM that exits
     * while one is still closing has Pekko's exit hook load a class from the RPC system's class loader,
     * which the closing cluster has just closed: a stack trace on the terminal after the command's output.
     */
    static void awaitClosed(Duration timeout) {
        List<MiniCluster> clusters;
        synchronized (HANDED_OUT) {
            clusters = List.copyOf(HANDED_OUT);
        }
        for (MiniCluster cluster : clusters) {
            try {
                cluster.closeAsync().get(timeout.toMillis(), TimeUnit.MILLISECONDS); // the same close, if begun
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                // Its failure to close was logged by whoever closed it; the JVM is leaving anyway.
            }
            HANDED_OUT.remove(cluster);
        }
    }

    private static MiniClusterConfiguration configuration(Configuration conf, int slots) {
        Configuration configuration = new Configuration(conf);
        if (!configuration.contains(RestOptions.BIND_PORT)) {
            configuration.set(RestOptions.BIND_PORT, "0");
        }
        sizeNetworkBuffers(configuration, slots);
        return new MiniClusterConfiguration.Builder()
                .setConfiguration(configuration)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .setRpcServiceSharing(RpcServiceSharing.SHARED)
                .build();
    }

    /**
     * Network buffers by the slot: {@link #NETWORK_PER_SLOT} each, and each sort-shuffle partition writing
     * through {@link #SORT_SHUFFLE_BUFFERS} of them. The task manager allocates and zeroes its whole pool
     * when it starts: the default 64 MiB took 0.15-0.45 s of every cluster's start on these machines,
     * 16 MiB 0.002-0.13 s. A subtask of a bounded job writes two or three sort-shuffle partitions at once
     * and reads one gate of two buffers a channel (its sort-shuffle files are read through other memory),
     * about 7 MiB at p=16. Settings already in the configuration win.
     */
    static void sizeNetworkBuffers(Configuration configuration, int slots) {
        if (!configuration.contains(TaskManagerOptions.NETWORK_MEMORY_MIN)
                && !configuration.contains(TaskManagerOptions.NETWORK_MEMORY_MAX)) {
            MemorySize network = NETWORK_PER_SLOT.multiply(Math.max(1, slots));
            configuration.set(TaskManagerOptions.NETWORK_MEMORY_MIN, network);
            configuration.set(TaskManagerOptions.NETWORK_MEMORY_MAX, network);
        }
        if (!configuration.contains(NettyShuffleEnvironmentOptions.NETWORK_SORT_SHUFFLE_MIN_BUFFERS)) {
            configuration.set(NettyShuffleEnvironmentOptions.NETWORK_SORT_SHUFFLE_MIN_BUFFERS, SORT_SHUFFLE_BUFFERS);
        }
    }

    /** Waits for the start begun in the background, and fails as it failed. */
    @Override
    public void start() throws Exception {
        try {
            started.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void startNow() {
        try {
            super.start();
            started.complete(null);
        } catch (Throwable t) {
            started.completeExceptionally(t);
        }
    }
}
