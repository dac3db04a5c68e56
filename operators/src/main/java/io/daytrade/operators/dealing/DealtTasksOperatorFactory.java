package io.daytrade.operators.dealing;

import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.operators.coordination.OperatorCoordinator;
import org.apache.flink.streaming.api.operators.AbstractStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.CoordinatedOperatorFactory;
import org.apache.flink.streaming.api.operators.OneInputStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.StreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;

/**
 * A {@link DealtTasksOperator} with its {@link TaskDealer}. Use it with
 * {@code stream.broadcast().transform(name, type, new DealtTasksOperatorFactory<>(work))}.
 */
public final class DealtTasksOperatorFactory<I, T, O> extends AbstractStreamOperatorFactory<O>
        implements OneInputStreamOperatorFactory<I, O>, CoordinatedOperatorFactory<O> {

    private static final long serialVersionUID = 1L;

    private final DealtWork<I, T, O> work;

    public DealtTasksOperatorFactory(DealtWork<I, T, O> work) {
        this.work = work;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends StreamOperator<O>> S createStreamOperator(StreamOperatorParameters<O> parameters) {
        return (S) new DealtTasksOperator<>(parameters, work);
    }

    @Override
    public OperatorCoordinator.Provider getCoordinatorProvider(String operatorName, OperatorID operatorId) {
        return new TaskDealer.Provider(operatorId);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends StreamOperator> getStreamOperatorClass(ClassLoader classLoader) {
        return DealtTasksOperator.class;
    }
}
