package io.daytrade.jobs.sweep;

import io.daytrade.backtest.BarHistory;
import io.daytrade.backtest.ExecutionSettings;
import io.daytrade.backtest.SweepPlan;
import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.jobs.BoundedJob;
import io.daytrade.operators.dealing.DealtTasksOperatorFactory;
import io.daytrade.operators.sweep.HistoryCollector;
import io.daytrade.operators.sweep.SweepEvaluator;
import io.daytrade.operators.sweep.SweepResult;
import io.daytrade.schemas.Bar;

import java.util.List;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * A parameter sweep as one bounded job: each symbol's bars are gathered into one history with every
 * indicator any parameter set reads, each computed once per symbol and parameter however many sets
 * share it (by the live job's indicator code, plain arrays instead of a record per bar), and the
 * parameter sets are split into tasks, dealt to the subtasks as they ask for work, each backtested by the
 * same simulator as {@code backtest}.
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
        return DealtTasksOperatorFactory.dealt(histories(job, bars, source, List.of()),
                        "Backtest " + plan.parameterSets().length + " parameter sets",
                        TypeInformation.of(SweepResult.class),
                        new SweepEvaluator(plan.strategy(), plan.names(), plan.parameterSets(), settings, chunks))
                .uid("sweep-evaluate");
    }

    /**
     * One {@link BarHistory} per symbol with the columns of {@code indicators} (none: the bars alone),
     * computed once per symbol by the indicator code of the live job; its dead letters join the job's.
     */
    public static SingleOutputStreamOperator<BarHistory> histories(BoundedJob job, DataStream<Bar> bars,
            String source, List<IndicatorSpec> indicators) {
        SingleOutputStreamOperator<BarHistory> histories = job.bySymbol(bars)
                .transform("Histories (" + indicators.size() + " indicators)", TypeInformation.of(BarHistory.class),
                        new HistoryCollector(indicators, source))
                .uid("sweep-histories");
        job.collectDeadLetters(histories);
        return histories;
    }
}
