package io.daytrade.operators.dealing;

import java.util.Comparator;
import java.util.List;

import org.apache.flink.api.common.functions.Function;
import org.apache.flink.util.Collector;

/**
 * Work that a {@link DealtTasksOperator} splits into tasks and runs as the {@link TaskDealer} deals them.
 * Every subtask receives every input and must split the inputs into the same tasks and put them in the same
 * order, whatever order the inputs came in; a task's output must not depend on which subtask runs it. Extend
 * {@link org.apache.flink.api.common.functions.AbstractRichFunction} for a runtime context.
 *
 * @param <I> an input, received by every subtask
 * @param <T> a task
 * @param <O> an output record
 */
public interface DealtWork<I, T, O> extends Function {

    /** The tasks of one input, as it arrives (the input itself is not kept: the tasks hold what they need). */
    List<T> split(I input);

    /**
     * The order tasks are numbered and dealt in: a total order, costliest first, so that the last tasks
     * dealt are short and the subtasks end together.
     */
    Comparator<T> dealingOrder();

    /** Called once per subtask with every task, in dealing order, before any runs. */
    default void planned(List<T> tasks) {}

    void run(T task, Collector<O> out) throws Exception;
}
