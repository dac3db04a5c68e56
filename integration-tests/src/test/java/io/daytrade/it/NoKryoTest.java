package io.daytrade.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daytrade.jobs.BoundedJob;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A record type that would fall back to Kryo must fail when the job is built, not run slowly. */
class NoKryoTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

    /** Not a POJO (no default constructor, private field): Flink could only serialize it with Kryo. */
    static final class NotAPojo {
        private final int value;

        NotAPojo(int value) {
            this.value = value;
        }

        int value() {
            return value;
        }
    }

    @Test
    void genericTypesAreDisabledInEveryBoundedJob() {
        BoundedJob job = new BoundedJob(1);
        assertThatThrownBy(() -> job.environment().fromData(new NotAPojo(1)).map(NotAPojo::value)
                        .executeAndCollect(1))
                .hasStackTraceContaining("Generic types have been disabled");
    }
}
