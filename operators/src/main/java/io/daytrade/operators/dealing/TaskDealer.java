package io.daytrade.operators.dealing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.operators.coordination.OperatorCoordinator;
import org.apache.flink.runtime.operators.coordination.OperatorEvent;

/**
 * Hands out the tasks of a {@link DealtTasksOperator} one at a time, to whichever subtask asks next, as a
 * FLIP-27 source's enumerator hands out splits: a subtask on a faster core, or with cheaper tasks, takes more
 * of them, and the stage ends when the work ends rather than when the slower share does.
 *
 * <p>Tasks are numbered by the order every subtask puts them in (costliest first) and dealt lowest number
 * first. A subtask whose attempt fails, or is reset to run again (its output lost), gives back every task it
 * was dealt, and they are dealt again before any new one: each task's output comes from exactly one finished
 * attempt.
 */
public final class TaskDealer implements OperatorCoordinator {

    private final Context context;
    private final Map<Integer, SubtaskGateway> gateways = new HashMap<>();
    private final Set<Integer> everReady = new HashSet<>();
    private final Map<Integer, Holding> holdings = new HashMap<>();
    private final TreeSet<Integer> returned = new TreeSet<>();
    private int tasks = -1;
    private int next;

    public TaskDealer(Context context) {
        this.context = context;
    }

    @Override
    public void start() {}

    @Override
    public void close() {}

    @Override
    public synchronized void handleEventFromOperator(int subtask, int attemptNumber, OperatorEvent event) {
        if (!(event instanceof TaskRequest request)) {
            throw new IllegalArgumentException("unexpected event from subtask " + subtask + ": " + event);
        }
        SubtaskGateway gateway = gateways.get(subtask);
        if (gateway == null && !everReady.contains(subtask)) {
            // Flink readies an attempt before it runs; answering nobody would leave the subtask waiting forever.
            throw new IllegalStateException("subtask " + subtask + " asked for a task before it was ready");
        }
        if (gateway == null || gateway.getExecution().getAttemptNumber() != attemptNumber) {
            return; // an attempt that has failed or been replaced: its tasks were given back
        }
        if (tasks < 0) {
            tasks = request.tasks();
        } else if (tasks != request.tasks()) {
            context.failJob(new IllegalStateException("subtask " + subtask + " counts " + request.tasks()
                    + " tasks where another counted " + tasks + ": the tasks must be split alike on every subtask"));
            return;
        }
        gateway.sendEvent(deal(subtask, attemptNumber));
    }

    private TaskGrant deal(int subtask, int attemptNumber) {
        Holding holding = holdings.get(subtask);
        if (holding == null || holding.attempt != attemptNumber) {
            // An earlier attempt's tasks go back before this one is dealt any, so that they come first.
            giveBack(subtask);
            holding = new Holding(attemptNumber);
            holdings.put(subtask, holding);
        }
        int task;
        if (!returned.isEmpty()) {
            task = returned.pollFirst();
        } else if (next < tasks) {
            task = next++;
        } else {
            return TaskGrant.none();
        }
        holding.tasks.add(task);
        return TaskGrant.of(task);
    }

    private void giveBack(int subtask) {
        Holding holding = holdings.remove(subtask);
        if (holding != null) {
            returned.addAll(holding.tasks);
        }
    }

    @Override
    public synchronized void executionAttemptReady(int subtask, int attemptNumber, SubtaskGateway gateway) {
        gateways.put(subtask, gateway);
        everReady.add(subtask);
    }

    @Override
    public synchronized void executionAttemptFailed(int subtask, int attemptNumber, Throwable reason) {
        SubtaskGateway gateway = gateways.get(subtask);
        if (gateway != null && gateway.getExecution().getAttemptNumber() == attemptNumber) {
            gateways.remove(subtask); // its requests still on their way are not answered
        }
        Holding holding = holdings.get(subtask);
        if (holding != null && holding.attempt == attemptNumber) {
            giveBack(subtask);
        }
    }

    @Override
    public synchronized void subtaskReset(int subtask, long checkpointId) {
        gateways.remove(subtask); // until its next attempt is ready
        giveBack(subtask); // it runs again from its input, so even the tasks it finished must be run again
    }

    @Override
    public synchronized void resetToCheckpoint(long checkpointId, byte[] checkpointData) {
        // A global failover: every subtask starts over, so does the deal.
        gateways.clear();
        everReady.clear();
        holdings.clear();
        returned.clear();
        tasks = -1;
        next = 0;
    }

    @Override
    public void checkpointCoordinator(long checkpointId, CompletableFuture<byte[]> result) {
        result.complete(new byte[0]); // bounded jobs only: nothing to keep across a checkpoint
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {}

    /** The tasks one attempt of a subtask was dealt. */
    private static final class Holding {
        final int attempt;
        final List<Integer> tasks = new ArrayList<>();

        Holding(int attempt) {
            this.attempt = attempt;
        }
    }

    /** Makes the dealer of one operator; Flink makes one per job attempt on the JobManager. */
    public static final class Provider implements OperatorCoordinator.Provider {

        private static final long serialVersionUID = 1L;

        private final OperatorID operatorId;

        public Provider(OperatorID operatorId) {
            this.operatorId = operatorId;
        }

        @Override
        public OperatorID getOperatorId() {
            return operatorId;
        }

        @Override
        public OperatorCoordinator create(Context context) {
            return new TaskDealer(context);
        }
    }
}
