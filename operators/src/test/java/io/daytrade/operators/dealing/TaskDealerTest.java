package io.daytrade.operators.dealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.groups.OperatorCoordinatorMetricGroup;
import org.apache.flink.runtime.checkpoint.CheckpointCoordinator;
import org.apache.flink.runtime.executiongraph.ExecutionAttemptID;
import org.apache.flink.runtime.executiongraph.ExecutionGraphID;
import org.apache.flink.runtime.jobgraph.JobVertexID;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.messages.Acknowledge;
import org.apache.flink.runtime.operators.coordination.CoordinatorStore;
import org.apache.flink.runtime.operators.coordination.OperatorCoordinator;
import org.apache.flink.runtime.operators.coordination.OperatorEvent;
import org.apache.flink.runtime.scheduler.strategy.ExecutionVertexID;
import org.junit.jupiter.api.Test;

class TaskDealerTest {

    private final FakeContext context = new FakeContext();
    private final TaskDealer dealer = new TaskDealer(context);
    private final JobVertexID vertex = new JobVertexID();

    @Test
    void dealsEachTaskOnceLowestNumberFirstToWhoeverAsks() throws Exception {
        Gateway first = ready(0, 0);
        Gateway second = ready(1, 0);
        dealer.handleEventFromOperator(0, 0, new TaskRequest(3));
        dealer.handleEventFromOperator(0, 0, new TaskRequest(3)); // the faster subtask asks again first
        dealer.handleEventFromOperator(1, 0, new TaskRequest(3));
        dealer.handleEventFromOperator(1, 0, new TaskRequest(3));
        dealer.handleEventFromOperator(0, 0, new TaskRequest(3));

        assertThat(first.grants()).containsExactly("0", "1", "none");
        assertThat(second.grants()).containsExactly("2", "none");
        assertThat(context.failure).isNull();
    }

    @Test
    void aFailedAttemptsTasksAreDealtAgainBeforeNewOnes() throws Exception {
        Gateway first = ready(0, 0);
        ready(1, 0);
        dealer.handleEventFromOperator(0, 0, new TaskRequest(5));
        dealer.handleEventFromOperator(1, 0, new TaskRequest(5));
        dealer.handleEventFromOperator(1, 0, new TaskRequest(5));
        dealer.executionAttemptFailed(1, 0, new RuntimeException("lost"));
        dealer.subtaskReset(1, OperatorCoordinator.NO_CHECKPOINT);
        dealer.handleEventFromOperator(1, 0, new TaskRequest(5)); // the failed attempt, late: ignored
        Gateway retried = ready(1, 1);
        dealer.handleEventFromOperator(0, 0, new TaskRequest(5));
        for (int i = 0; i < 4; i++) {
            dealer.handleEventFromOperator(1, 1, new TaskRequest(5));
        }

        assertThat(first.grants()).containsExactly("0", "1");
        assertThat(retried.grants()).containsExactly("2", "3", "4", "none");
    }

    @Test
    void aNewAttemptsFirstTaskIsTheOneItsEarlierAttemptHeld() throws Exception {
        ready(0, 0);
        ready(1, 0);
        dealer.handleEventFromOperator(0, 0, new TaskRequest(4));
        dealer.handleEventFromOperator(1, 0, new TaskRequest(4));
        // Attempt 1 of subtask 1 asks before the dealer heard that attempt 0 failed.
        Gateway next = ready(1, 1);
        dealer.handleEventFromOperator(1, 1, new TaskRequest(4));
        dealer.handleEventFromOperator(1, 1, new TaskRequest(4));

        assertThat(next.grants()).containsExactly("1", "2");
    }

    @Test
    void aFinishedSubtaskRunAgainGetsItsTasksBack() throws Exception {
        Gateway first = ready(0, 0);
        ready(1, 0);
        dealer.handleEventFromOperator(0, 0, new TaskRequest(2));
        dealer.handleEventFromOperator(1, 0, new TaskRequest(2));
        dealer.handleEventFromOperator(1, 0, new TaskRequest(2)); // none: subtask 1 finishes with task 1
        dealer.handleEventFromOperator(0, 0, new TaskRequest(2));
        // Subtask 1's output is lost after it finished, and it runs again.
        dealer.subtaskReset(1, OperatorCoordinator.NO_CHECKPOINT);
        Gateway rerun = ready(1, 1);
        dealer.handleEventFromOperator(1, 1, new TaskRequest(2));
        dealer.handleEventFromOperator(1, 1, new TaskRequest(2));

        assertThat(first.grants()).containsExactly("0", "none");
        assertThat(rerun.grants()).containsExactly("1", "none");
    }

    @Test
    void aGlobalFailoverStartsTheDealOver() throws Exception {
        ready(0, 0);
        dealer.handleEventFromOperator(0, 0, new TaskRequest(2));
        dealer.resetToCheckpoint(OperatorCoordinator.NO_CHECKPOINT, null);
        Gateway again = ready(0, 1);
        dealer.handleEventFromOperator(0, 1, new TaskRequest(3));
        dealer.handleEventFromOperator(0, 1, new TaskRequest(3));

        assertThat(again.grants()).containsExactly("0", "1");
        assertThat(context.failure).isNull();
    }

    @Test
    void subtasksThatSplitTheirInputDifferentlyFailTheJob() throws Exception {
        ready(0, 0);
        Gateway second = ready(1, 0);
        dealer.handleEventFromOperator(0, 0, new TaskRequest(4));
        dealer.handleEventFromOperator(1, 0, new TaskRequest(5));

        assertThat(context.failure).hasMessageContaining("subtask 1 counts 5 tasks where another counted 4");
        assertThat(second.grants()).isEmpty();
    }

    @Test
    void aRequestFromASubtaskNeverReadyFailsLoudlyRatherThanGoUnanswered() {
        assertThatThrownBy(() -> dealer.handleEventFromOperator(0, 0, new TaskRequest(2)))
                .isInstanceOf(IllegalStateException.class).hasMessage("subtask 0 asked for a task before it was ready");
    }

    private Gateway ready(int subtask, int attempt) {
        Gateway gateway = new Gateway(new ExecutionAttemptID(new ExecutionGraphID(),
                new ExecutionVertexID(vertex, subtask), attempt));
        dealer.executionAttemptReady(subtask, attempt, gateway);
        return gateway;
    }

    private static final class Gateway implements OperatorCoordinator.SubtaskGateway {
        private final ExecutionAttemptID execution;
        private final List<OperatorEvent> sent = new ArrayList<>();

        Gateway(ExecutionAttemptID execution) {
            this.execution = execution;
        }

        List<String> grants() {
            List<String> grants = new ArrayList<>();
            for (OperatorEvent event : sent) {
                TaskGrant grant = (TaskGrant) event;
                grants.add(grant.hasTask() ? String.valueOf(grant.task()) : "none");
            }
            return grants;
        }

        @Override
        public CompletableFuture<Acknowledge> sendEvent(OperatorEvent event) {
            sent.add(event);
            return CompletableFuture.completedFuture(Acknowledge.get());
        }

        @Override
        public ExecutionAttemptID getExecution() {
            return execution;
        }

        @Override
        public int getSubtask() {
            return execution.getSubtaskIndex();
        }
    }

    private static final class FakeContext implements OperatorCoordinator.Context {
        Throwable failure;

        @Override
        public void failJob(Throwable cause) {
            failure = cause;
        }

        @Override
        public JobID getJobID() {
            return new JobID();
        }

        @Override
        public OperatorID getOperatorId() {
            return new OperatorID();
        }

        @Override
        public OperatorCoordinatorMetricGroup metricGroup() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int currentParallelism() {
            return 2;
        }

        @Override
        public ClassLoader getUserCodeClassloader() {
            return getClass().getClassLoader();
        }

        @Override
        public CoordinatorStore getCoordinatorStore() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isConcurrentExecutionAttemptsSupported() {
            return false;
        }

        @Override
        public CheckpointCoordinator getCheckpointCoordinator() {
            return null;
        }
    }
}
