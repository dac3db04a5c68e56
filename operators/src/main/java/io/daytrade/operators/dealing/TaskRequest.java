package io.daytrade.operators.dealing;

import org.apache.flink.runtime.operators.coordination.OperatorEvent;

/**
 * A subtask asks the {@link TaskDealer} for its next task. It names how many tasks it counts: every subtask
 * counts the same (they all receive every input and split it alike), and the dealer holds them to it.
 */
public final class TaskRequest implements OperatorEvent {

    private static final long serialVersionUID = 1L;

    private final int tasks;

    public TaskRequest(int tasks) {
        this.tasks = tasks;
    }

    public int tasks() {
        return tasks;
    }

    @Override
    public String toString() {
        return "TaskRequest{tasks=" + tasks + "}";
    }
}
