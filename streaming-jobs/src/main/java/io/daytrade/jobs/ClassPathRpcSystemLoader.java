package io.daytrade.jobs;

import java.util.Iterator;
import java.util.ServiceLoader;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.rpc.RpcSystem;
import org.apache.flink.runtime.rpc.RpcSystemLoader;
import org.apache.flink.runtime.rpc.exceptions.RpcLoaderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flink's RPC system (Pekko, Scala, Typesafe Config) from the JVM's own class path, when
 * {@code bin/daytrade} put it there ({@code streaming-jobs/target/rpc/flink-rpc-akka.jar}, unpacked from
 * Flink's loader by the build). Flink's own loader copies that 21 MB jar to a temporary file and loads it in
 * a class loader of its own at every cluster start, so its classes can be neither in the command's
 * class-data archive nor compiled once for all the clusters of one JVM: a small sweep took 3.9-4.3 s this
 * way against 4.4-4.7 s (BENCHMARKS.md). Where the RPC system is not on the class path (a Flink cluster,
 * the tests) this loader fails, and Flink goes on to its own, which comes next in priority.
 */
public final class ClassPathRpcSystemLoader implements RpcSystemLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ClassPathRpcSystemLoader.class);

    private final ClassLoader classLoader;

    /** As {@link ServiceLoader} makes it. */
    public ClassPathRpcSystemLoader() {
        this(ClassPathRpcSystemLoader.class.getClassLoader());
    }

    ClassPathRpcSystemLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /** Before Flink's loader, whose priority is 0. */
    @Override
    public int getLoadPriority() {
        return -1;
    }

    @Override
    public RpcSystem loadRpcSystem(Configuration config) {
        Iterator<RpcSystem> systems = ServiceLoader.load(RpcSystem.class, classLoader).iterator();
        if (!systems.hasNext()) {
            throw new RpcLoaderException("no RPC system on the class path; Flink's loader will load its own");
        }
        RpcSystem system = systems.next();
        LOG.info("RPC system {} loaded from the class path", system.getClass().getName());
        return system;
    }
}
