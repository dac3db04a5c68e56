package io.daytrade.jobs.sweep;

import io.daytrade.backtest.BarHistory;
import io.daytrade.backtest.ExecutionSettings;
import io.daytrade.backtest.SweepPlan;
import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.jobs.BoundedJob;
import io.daytrade.operators.sweep.HistoryCollector;
import io.daytrade.operators.sweep.SweepEvaluator;
import io.daytrade.operators.sweep.SweepFanOut;
import io.daytrade.operators.sweep.SweepResult;
import io.daytrade.operators.sweep.SweepTask;
import io.daytrade.operators.sweep.SymbolPartitioner;
import io.daytrade.schemas.Bar;

import java.util.List;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * A parameter sweep as one bounded job: each symbol's bars are gathered into one history with every
 * indicator any parameter set reads, each computed once per symbol and parameter however many sets
 * share it (by the live job's indicator code, plain arrays instead of a record per bar), and the
 * parameter sets are spread over the subtasks in chunks, each backtested by the same simulator as
 * {@code backtest}.
 */
public final class SweepJob {

    private SweepJob() {}

    /**
     * @param chunks how many tasks each symbol's parameter sets are split into; the parallelism spreads
     *     the work evenly even with a single symbol
     */
    public static SingleOutputStreamOperator<SweepResult> build(BoundedJob job, DataStream<Bar> bars, String source,
            SweepPlan plan, ExecutionSettings settings, int chunks) {
        // Histories of the bars alone: each task computes the columns its parameter sets read.
        return histories(job, bars, source, List.of())
                .flatMap(new SweepFanOut(plan.parameterSets().length, chunks), TypeInformation.of(SweepTask.class))
                .uid("sweep-fan-out").name("Split " + plan.parameterSets().length + " parameter sets")
                // Task c of every symbol to subtask c mod p: the tasks of a symbol cost alike.
                .partitionCustom(new IndexPartitioner(), new IndexPartitioner.SweepChunk())
                .flatMap(new SweepEvaluator(plan.strategy(), plan.names(), plan.parameterSets(), settings),
                        TypeInformation.of(SweepResult.class))
                .uid("sweep-evaluate").name("Backtest parameter sets");
    }

    /**
     * One {@link BarHistory} per symbol with the columns of {@code indicators} (none: the bars alone),
     * computed once per symbol by the indicator code of the live job; its dead letters join the job's.
     */
    public static SingleOutputStreamOperator<BarHistory> histories(BoundedJob job, DataStream<Bar> bars,
            String source, List<IndicatorSpec> indicators) {
        SingleOutputStreamOperator<BarHistory> histories = bars
                .partitionCustom(new SymbolPartitioner(), new SymbolPartitioner.Symbol())
                .transform("Histories (" + indicators.size() + " indicators)", TypeInformation.of(BarHistory.class),
                        new HistoryCollector(indicators, source))
                .uid("sweep-histories");
        job.collectDeadLetters(histories);
        return histories;
    }
}
