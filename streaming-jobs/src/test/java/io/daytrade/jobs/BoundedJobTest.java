package io.daytrade.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.daytrade.jobs.csv.CsvLayout;
import io.daytrade.operators.bars.BarTypeInfo;
import io.daytrade.schemas.Bar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operator of a bounded job runs at the job's parallelism, however little it reads: BATCH mode's
 * scheduler sized operators by their input bytes, and a sweep over one symbol (a megabyte of bars,
 * minutes of backtests) ran its backtests on one subtask. Input files are parsed in parallel too.
 */
class BoundedJobTest {

    @Test
    void anOperatorReadingAlmostNothingRunsOnEverySubtask() throws Exception {
        BoundedJob job = new BoundedJob(2);
        DataStream<Integer> subtasks = job.environment().fromData(1, 2, 3, 4, 5, 6, 7, 8)
                .rebalance()
                .map(new SubtaskCount())
                .returns(Types.INT);

        List<Integer> seen = job.run(subtasks, Types.INT, "parallelism").records();

        assertThat(seen).hasSize(8).containsOnly(2);
    }

    /**
     * The file is read by both subtasks, each parsing its symbols' lines: the bars, and each symbol's in
     * file order (a repeated time among them), and the dead letters are those of one reader.
     */
    @Test
    void aFileReadInParallelGivesEachSymbolsBarsInFileOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bars.csv");
        StringBuilder csv = new StringBuilder("ts,symbol,open,high,low,close,volume\n");
        for (int i = 0; i < 3_000; i++) {
            String symbol = "S" + (i % 7);
            long time = 1_700_000_000_000L + (i / 7) * 60_000L - (i % 500 == 3 ? 60_000L : 0); // some repeats
            csv.append(time).append(',').append(symbol).append(",10,11,9,").append(10 + i % 13 / 10.0)
                    .append(',').append(i).append(i % 997 == 5 ? ",extra\n" : "\n");
        }
        Files.writeString(file, csv);

        Map<String, List<String>> one = barsBySymbol(file, 1);
        Map<String, List<String>> two = barsBySymbol(file, 2);

        assertThat(one).hasSize(8); // seven symbols and the dead letters
        assertThat(two).isEqualTo(one);
    }

    private static Map<String, List<String>> barsBySymbol(Path file, int parallelism) throws Exception {
        BoundedJob job = new BoundedJob(parallelism);
        BoundedJob.Result<Bar> result = job.run(job.bars(file, CsvLayout.forBars(file)),
                new BarTypeInfo(), "read bars");
        Map<String, List<String>> bySymbol = new TreeMap<>();
        result.records().forEach(bar -> bySymbol.computeIfAbsent(bar.getSymbol().toString(), s -> new ArrayList<>())
                .add(bar.getWindowStart() + " " + bar.getClose() + " " + bar.getVolume()));
        bySymbol.put("dead letters", result.deadLetters().stream().map(d -> d.getSource() + " " + d.getReason())
                .sorted().toList());
        return bySymbol;
    }

    /** Each record becomes the number of subtasks of the operator it went through. */
    private static final class SubtaskCount extends RichMapFunction<Integer, Integer> {
        private transient int subtasks;

        @Override
        public void open(OpenContext openContext) {
            subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        }

        @Override
        public Integer map(Integer value) {
            return subtasks;
        }
    }
}
