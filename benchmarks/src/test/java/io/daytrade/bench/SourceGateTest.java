package io.daytrade.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SourceGateTest {

    @AfterEach
    void leaveItOpen() {
        SourceGate.open();
    }

    @Test
    void readersWaitFromCloseToOpen() throws Exception {
        SourceGate.close();
        CompletableFuture<Void> gate = SourceGate.opened();
        assertThat(gate).isNotDone();
        Thread reader = new Thread(SourceGate::arrived);
        reader.start();
        SourceGate.arrived();
        SourceGate.awaitReaders(2, 10_000);
        reader.join();
        assertThat(gate).isNotDone();
        SourceGate.open();
        assertThat(gate).isDone();
        assertThat(SourceGate.opened()).isDone();
    }

    @Test
    void aReaderThatNeverComesIsNamedInTheTimeout() {
        SourceGate.close();
        SourceGate.arrived();
        assertThatThrownBy(() -> SourceGate.awaitReaders(2, 50))
                .isInstanceOf(TimeoutException.class)
                .hasMessage("1 of 2 readers reached the gate");
    }
}
