package io.daytrade.bench;

import io.daytrade.schemas.Tick;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceReaderBase;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.util.NumberSequenceIterator;

/**
 * Ticks 0 to {@code count - 1} read from memory by a source of its own, so that event time and watermarks
 * are assigned inside the source (as the live job's Kafka source does with its watermark strategy) rather
 * than by a separate operator, and no generator or mapping step stands between the ticks and the job. The
 * numbers are split among subtasks as {@link NumberSequenceSource} splits them; {@code tickOfNumber} fills
 * each reader's one tick record with a number's tick (from columns made before the clock starts), as the
 * live job's Kafka decoder fills its one record ({@code TickDecoder}). The readers note the throughput's
 * span themselves ({@link SourceSpan}), and wait for {@link SourceGate} before their first tick.
 */
final class InMemoryTickSource implements Source<Tick, NumberSequenceSplit, Collection<NumberSequenceSplit>>,
        ResultTypeQueryable<Tick> {

    private static final long serialVersionUID = 1L;

    /** Serializable, as the source is shipped to its subtasks. */
    interface TickOfNumber extends java.io.Serializable {
        /** Writes tick {@code number} into {@code reused} and returns it. */
        Tick fill(long number, Tick reused);
    }

    private final NumberSequenceSource numbers;
    private final TickOfNumber tickOfNumber;

    InMemoryTickSource(long count, TickOfNumber tickOfNumber) {
        this.numbers = new NumberSequenceSource(0, count - 1);
        this.tickOfNumber = tickOfNumber;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<Tick, NumberSequenceSplit> createReader(SourceReaderContext context) {
        return new Reader(context, tickOfNumber);
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> createEnumerator(
            SplitEnumeratorContext<NumberSequenceSplit> context) {
        return numbers.createEnumerator(context);
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> restoreEnumerator(
            SplitEnumeratorContext<NumberSequenceSplit> context, Collection<NumberSequenceSplit> checkpoint) {
        return numbers.restoreEnumerator(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<NumberSequenceSplit> getSplitSerializer() {
        return numbers.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<Collection<NumberSequenceSplit>> getEnumeratorCheckpointSerializer() {
        return numbers.getEnumeratorCheckpointSerializer();
    }

    @Override
    public TypeInformation<Tick> getProducedType() {
        return new AvroTypeInfo<>(Tick.class);
    }

    /** Notes its span in {@link SourceSpan}: the first record's time, the end of its input and its records. */
    private static final class Reader extends IteratorSourceReaderBase<Long, Tick, NumberSequenceIterator, NumberSequenceSplit> {
        private final TickOfNumber tickOfNumber;
        private final Tick reused = new Tick();
        private long records;
        private boolean ended;
        private boolean atGate;

        Reader(SourceReaderContext context, TickOfNumber tickOfNumber) {
            super(context);
            this.tickOfNumber = tickOfNumber;
        }

        @Override
        public InputStatus pollNext(ReaderOutput<Tick> output) {
            if (!SourceGate.opened().isDone()) {
                if (!atGate) {
                    atGate = true;
                    SourceGate.arrived();
                }
                return InputStatus.NOTHING_AVAILABLE;
            }
            InputStatus status = super.pollNext(output);
            if (status == InputStatus.END_OF_INPUT && !ended) {
                ended = true;
                SourceSpan.end(System.nanoTime(), records);
            }
            return status;
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            CompletableFuture<Void> gate = SourceGate.opened();
            return gate.isDone() ? super.isAvailable() : gate;
        }

        @Override
        protected Tick convert(Long number) {
            if (records++ == 0) {
                SourceSpan.first(System.nanoTime());
            }
            return tickOfNumber.fill(number, reused);
        }
    }
}
