package io.daytrade.jobs.csv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;

/**
 * The shard numbers 0 to {@code shards - 1} for a file's readers ({@link SymbolShardReader}), number i to
 * subtask i. Subtask i then holds the lines of exactly the symbols a partition by symbol hash sends to
 * subtask i, so a stage that needs each symbol's bars in one subtask can take them where they are, chained,
 * instead of through a shuffle. Flink's own number sequence hands its splits to whichever reader asks first,
 * so a reader could get two shards and another none.
 */
public final class ShardPerSubtaskSource extends NumberSequenceSource {

    private static final long serialVersionUID = 1L;

    public ShardPerSubtaskSource(int shards) {
        super(0, shards - 1);
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> createEnumerator(
            SplitEnumeratorContext<NumberSequenceSplit> context) {
        List<NumberSequenceSplit> splits = new ArrayList<>();
        for (long shard = getFrom(); shard <= getTo(); shard++) {
            splits.add(new NumberSequenceSplit(Long.toString(shard), shard, shard));
        }
        return new Enumerator(context, splits);
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> restoreEnumerator(
            SplitEnumeratorContext<NumberSequenceSplit> context, Collection<NumberSequenceSplit> checkpoint) {
        return new Enumerator(context, checkpoint);
    }

    /** Gives the split of shard i to subtask i when it asks, and no split to any other. */
    static final class Enumerator implements SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> {

        private final SplitEnumeratorContext<NumberSequenceSplit> context;
        /** The splits not handed out yet, by the subtask they are for. */
        private final Map<Integer, NumberSequenceSplit> remaining = new TreeMap<>();

        Enumerator(SplitEnumeratorContext<NumberSequenceSplit> context, Collection<NumberSequenceSplit> splits) {
            this.context = context;
            splits.forEach(this::keep);
        }

        @Override
        public void start() {}

        @Override
        public void handleSplitRequest(int subtask, String requesterHostname) {
            NumberSequenceSplit split = remaining.remove(subtask);
            if (split != null) {
                context.assignSplit(split, subtask);
            } else {
                context.signalNoMoreSplits(subtask);
            }
        }

        /** A failed reader's split, for the same subtask when it runs again. */
        @Override
        public void addSplitsBack(List<NumberSequenceSplit> splits, int subtask) {
            splits.forEach(this::keep);
        }

        @Override
        public void addReader(int subtask) {}

        @Override
        public Collection<NumberSequenceSplit> snapshotState(long checkpointId) {
            return new ArrayList<>(remaining.values());
        }

        @Override
        public void close() {}

        private void keep(NumberSequenceSplit split) {
            remaining.put(Math.toIntExact(split.from()), split);
        }
    }
}
