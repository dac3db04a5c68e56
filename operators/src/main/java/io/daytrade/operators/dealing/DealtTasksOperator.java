package io.daytrade.operators.dealing;

import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.runtime.operators.coordination.OperatorEvent;
import org.apache.flink.runtime.operators.coordination.OperatorEventGateway;
import org.apache.flink.runtime.operators.coordination.OperatorEventHandler;
import org.apache.flink.streaming.api.operators.AbstractUdfStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;
import org.apache.flink.streaming.api.operators.TimestampedCollector;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.tasks.mailbox.TaskMailbox;

/**
 * Runs the tasks of a {@link DealtWork} as its {@link TaskDealer} deals them: each subtask gathers every input
 * (the stream is broadcast to it), splits them into tasks at the end of the input, and then asks for one task
 * at a time until none is left. Tasks handed out on request keep every subtask busy to the end where a split
 * made in advance leaves the faster ones idle while the slowest finishes its share; the price is every input
 * held by every subtask until the deal is over.
 *
 * <p>For bounded jobs: it waits for the dealer inside {@link #endInput}, yielding to the task's mailbox.
 */
public final class DealtTasksOperator<I, T, O> extends AbstractUdfStreamOperator<O, DealtWork<I, T, O>>
        implements OneInputStreamOperator<I, O>, BoundedOneInput, OperatorEventHandler {

    private static final long serialVersionUID = 1L;

    private final OperatorEventGateway dealer;
    /** Takes every mail, the dealer's answers among them (they come as mails of the task, not of this operator). */
    private final MailboxExecutor anyMail;
    /** Split as the inputs arrive, so that an input is dropped once its tasks hold what they need of it. */
    private final List<T> tasks = new ArrayList<>();
    private transient TaskGrant grant;
    private transient TimestampedCollector<O> collector;

    DealtTasksOperator(StreamOperatorParameters<O> parameters, DealtWork<I, T, O> work) {
        super(work);
        // setup(), not the constructor taking the parameters: only setup() hands the function its runtime context.
        setup(parameters.getContainingTask(), parameters.getStreamConfig(), parameters.getOutput());
        this.dealer = parameters.getOperatorEventDispatcher().getOperatorEventGateway(getOperatorID());
        parameters.getOperatorEventDispatcher().registerEventHandler(getOperatorID(), this);
        this.anyMail = parameters.getContainingTask().getMailboxExecutorFactory()
                .createExecutor(TaskMailbox.MIN_PRIORITY);
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new TimestampedCollector<>(output);
    }

    @Override
    public void processElement(StreamRecord<I> element) {
        tasks.addAll(userFunction.split(element.getValue()));
    }

    @Override
    public void endInput() throws Exception {
        tasks.sort(userFunction.dealingOrder());
        userFunction.planned(tasks);
        collector.eraseTimestamp();
        while (true) {
            dealer.sendEventToCoordinator(new TaskRequest(tasks.size()));
            while (grant == null) {
                anyMail.yield();
            }
            TaskGrant granted = grant;
            grant = null;
            if (!granted.hasTask()) {
                break;
            }
            userFunction.run(tasks.get(granted.task()), collector);
        }
        tasks.clear();
    }

    @Override
    public void handleOperatorEvent(OperatorEvent event) {
        if (!(event instanceof TaskGrant answer)) {
            throw new IllegalArgumentException("unexpected event from the task dealer: " + event);
        }
        grant = answer;
    }
}
