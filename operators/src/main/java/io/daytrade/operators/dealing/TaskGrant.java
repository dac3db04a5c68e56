package io.daytrade.operators.dealing;

import org.apache.flink.runtime.operators.coordination.OperatorEvent;

/** The {@link TaskDealer}'s answer to a {@link TaskRequest}: the number of a task to run, or none left. */
public final class TaskGrant implements OperatorEvent {

    private static final long serialVersionUID = 1L;

    private static final int NONE = -1;

    private final int task;

    private TaskGrant(int task) {
        this.task = task;
    }

    static TaskGrant of(int task) {
        return new TaskGrant(task);
    }

    static TaskGrant none() {
        return new TaskGrant(NONE);
    }

    public boolean hasTask() {
        return task != NONE;
    }

    /** The task's number in the order every subtask puts its tasks in. */
    public int task() {
        if (!hasTask()) {
            throw new IllegalStateException("no task granted");
        }
        return task;
    }

    @Override
    public String toString() {
        return hasTask() ? "TaskGrant{task=" + task + "}" : "TaskGrant{none}";
    }
}
