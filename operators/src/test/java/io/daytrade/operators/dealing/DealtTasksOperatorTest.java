package io.daytrade.operators.dealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.functions.AbstractRichFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DealtTasksOperatorTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @Test
    void everyTaskRunsOnceOnOneSubtaskWhateverTheParallelism() throws Exception {
        for (int parallelism : new int[] {1, 2}) {
            List<String> outputs = run(parallelism, new Squares(-1));

            assertThat(tasksIn(outputs)).as("p=%d", parallelism).containsExactlyInAnyOrderElementsOf(allTasks());
            assertThat(outputs).allSatisfy(line -> assertThat(line).matches("\\d+\\^2=\\d+ attempt 0"));
        }
    }

    @Test
    void theTasksOfAFailedSubtaskAreRunAgainAndCountedOnce() throws Exception {
        List<String> outputs = run(2, new Squares(17));

        // Task 17 failed its first attempt; the subtask that ran it ran again and every task it had run was
        // dealt again: each task's output comes from one finished attempt.
        assertThat(tasksIn(outputs)).containsExactlyInAnyOrderElementsOf(allTasks());
        assertThat(outputs).contains("17^2=289 attempt 1");
    }

    private static List<String> run(int parallelism, Squares work) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ZERO);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(parallelism);
        List<String> outputs = new ArrayList<>();
        DealtTasksOperatorFactory.dealt(env.fromData(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), "squares", Types.STRING, work)
                .setParallelism(parallelism)
                .executeAndCollect()
                .forEachRemaining(outputs::add);
        return outputs;
    }

    private static List<Integer> tasksIn(List<String> outputs) {
        return outputs.stream().map(line -> Integer.parseInt(line.substring(0, line.indexOf('^'))))
                .collect(Collectors.toList());
    }

    private static List<Integer> allTasks() {
        return IntStream.rangeClosed(1, 10).flatMap(i -> IntStream.of(10 * i, 10 * i + 7)).boxed()
                .collect(Collectors.toList());
    }

    /** Input i makes tasks 10i and 10i + 7; a task's output is its square, tagged with the attempt. */
    private static final class Squares extends AbstractRichFunction implements DealtWork<Integer, Integer, String> {
        private static final long serialVersionUID = 1L;

        private final int failingTask;

        Squares(int failingTask) {
            this.failingTask = failingTask;
        }

        @Override
        public List<Integer> split(Integer input) {
            return List.of(10 * input, 10 * input + 7);
        }

        @Override
        public Comparator<Integer> dealingOrder() {
            return Comparator.reverseOrder();
        }

        @Override
        public void run(Integer task, Collector<String> out) {
            int attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
            if (task == failingTask && attempt == 0) {
                throw new IllegalStateException("task " + task + " fails its first attempt");
            }
            out.collect(task + "^2=" + task * task + " attempt " + attempt);
        }
    }
}
