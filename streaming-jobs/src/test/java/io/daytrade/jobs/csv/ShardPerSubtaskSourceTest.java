package io.daytrade.jobs.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;
import org.junit.jupiter.api.Test;

/** Shard i goes to subtask i whatever order the readers ask in, once, and again to it after a failure. */
class ShardPerSubtaskSourceTest {

    @Test
    void eachSubtaskGetsTheShardOfItsOwnIndexWhateverOrderTheyAskIn() throws Exception {
        try (MockSplitEnumeratorContext<NumberSequenceSplit> context = new MockSplitEnumeratorContext<>(3)) {
            SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> enumerator =
                    new ShardPerSubtaskSource(3).createEnumerator(context);
            for (int subtask : new int[] {2, 0, 1}) {
                enumerator.handleSplitRequest(subtask, "localhost");
            }

            assertThat(assigned(context)).containsExactly("2->2", "0->0", "1->1");
            assertThat(enumerator.snapshotState(1)).isEmpty();
        }
    }

    @Test
    void aSubtaskThatAsksAgainOrHasNoShardIsToldThereAreNoMore() throws Exception {
        try (MockSplitEnumeratorContext<NumberSequenceSplit> context = new MockSplitEnumeratorContext<>(4)) {
            SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> enumerator =
                    new ShardPerSubtaskSource(2).createEnumerator(context);
            enumerator.handleSplitRequest(0, "localhost");
            enumerator.handleSplitRequest(0, "localhost");
            enumerator.handleSplitRequest(3, "localhost");

            assertThat(assigned(context)).containsExactly("0->0");
            assertThat(context.hasNoMoreSplits(0)).isTrue();
            assertThat(context.hasNoMoreSplits(3)).isTrue();
            assertThat(context.hasNoMoreSplits(1)).isFalse();
        }
    }

    @Test
    void aFailedReadersShardGoesBackToItAlsoAfterARestoreFromACheckpoint() throws Exception {
        try (MockSplitEnumeratorContext<NumberSequenceSplit> context = new MockSplitEnumeratorContext<>(2)) {
            ShardPerSubtaskSource source = new ShardPerSubtaskSource(2);
            SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> enumerator = source.createEnumerator(context);
            enumerator.handleSplitRequest(1, "localhost");
            enumerator.addSplitsBack(List.of(new NumberSequenceSplit("1", 1, 1)), 1);
            Collection<NumberSequenceSplit> checkpoint = enumerator.snapshotState(1);

            SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> restored =
                    source.restoreEnumerator(context, checkpoint);
            restored.handleSplitRequest(1, "localhost");

            assertThat(assigned(context)).containsExactly("1->1", "1->1");
            NumberSequenceSplit again = context.getSplitsAssignmentSequence().get(1).assignment().get(1).get(0);
            assertThat(again.from()).isEqualTo(1);
            assertThat(again.to()).isEqualTo(1);
        }
    }

    /** "shard->subtask" for every split assigned, in order. */
    private static List<String> assigned(MockSplitEnumeratorContext<NumberSequenceSplit> context) {
        List<String> assigned = new ArrayList<>();
        for (SplitsAssignment<NumberSequenceSplit> assignment : context.getSplitsAssignmentSequence()) {
            assignment.assignment().forEach((subtask, splits) ->
                    splits.forEach(split -> assigned.add(split.from() + "->" + subtask)));
        }
        return assigned;
    }
}
