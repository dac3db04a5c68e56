package io.daytrade.operators.dealing;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.operators.coordination.OperatorCoordinator;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.operators.AbstractStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.CoordinatedOperatorFactory;
import org.apache.flink.streaming.api.operators.OneInputStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.StreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;

/** A {@link DealtTasksOperator} with its {@link TaskDealer}; {@link #dealt} puts one after a stream. */
public final class DealtTasksOperatorFactory<I, T, O> extends AbstractStreamOperatorFactory<O>
        implements OneInputStreamOperatorFactory<I, O>, CoordinatedOperatorFactory<O> {

    private static final long serialVersionUID = 1L;

    private final DealtWork<I, T, O> work;

    private DealtTasksOperatorFactory(DealtWork<I, T, O> work) {
        this.work = work;
    }

    /**
     * Runs {@code work} over {@code inputs}, its tasks dealt to the subtasks as they ask. The inputs are
     * broadcast, since any subtask may be dealt any input's tasks.
     */
    public static <I, T, O> SingleOutputStreamOperator<O> dealt(DataStream<I> inputs, String name,
            TypeInformation<O> type, DealtWork<I, T, O> work) {
        return inputs.broadcast().transform(name, type, new DealtTasksOperatorFactory<>(work));
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
