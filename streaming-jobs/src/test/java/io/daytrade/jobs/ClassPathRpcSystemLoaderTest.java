package io.daytrade.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.rpc.RpcService;
import org.apache.flink.runtime.rpc.RpcSystem;
import org.apache.flink.runtime.rpc.exceptions.RpcLoaderException;
import org.junit.jupiter.api.Test;

class ClassPathRpcSystemLoaderTest {

    /** Unpacked from Flink's loader by the build, for bin/daytrade's class path. */
    private static final Path RPC_JAR = Path.of("target", "rpc", "flink-rpc-akka.jar");

    @Test
    void loadsTheRpcSystemFromTheClassPathTheJarIsOn() throws Exception {
        assertThat(RPC_JAR).exists();
        try (URLClassLoader classPath = new URLClassLoader(new URL[] {RPC_JAR.toUri().toURL()}, getClass().getClassLoader())) {
            RpcSystem system = new ClassPathRpcSystemLoader(classPath).loadRpcSystem(new Configuration());
            try {
                assertThat(system.getClass().getName()).isEqualTo("org.apache.flink.runtime.rpc.pekko.PekkoRpcSystem");
                assertThat(system.getClass().getClassLoader()).isSameAs(classPath);
                RpcService service = system.localServiceBuilder(new Configuration()).createAndStart();
                assertThat(service.getAddress()).isNotNull();
                service.closeAsync().get();
            } finally {
                system.close();
            }
        }
    }

    @Test
    void failsWithoutTheJarSoThatFlinksOwnLoaderTakesOver() throws Exception {
        // The tests' class path has Flink's loader but not the unpacked jar, as a Flink cluster has.
        assertThat(getClass().getClassLoader().getResource("org/apache/flink/runtime/rpc/pekko/PekkoRpcSystem.class")).isNull();
        ClassPathRpcSystemLoader loader = new ClassPathRpcSystemLoader();
        assertThat(loader.getLoadPriority()).isNegative();
        assertThatThrownBy(() -> loader.loadRpcSystem(new Configuration())).isInstanceOf(RpcLoaderException.class)
                .hasMessageContaining("no RPC system on the class path");

        RpcSystem system = RpcSystem.load(new Configuration());
        try {
            // Flink's loader wraps the system it loads apart, to delete its temporary jar on close.
            assertThat(system.getClass().getSimpleName()).isEqualTo("CleanupOnCloseRpcSystem");
            RpcService service = system.localServiceBuilder(new Configuration()).createAndStart();
            assertThat(service.getAddress()).isNotNull();
            service.closeAsync().get();
        } finally {
            system.close();
        }
    }
}
