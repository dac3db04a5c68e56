package io.daytrade.jobs.walkforward;

import io.daytrade.backtest.ExecutionSettings;
import io.daytrade.backtest.Span;
import io.daytrade.backtest.SweepPlan;
import io.daytrade.jobs.BoundedJob;
import io.daytrade.jobs.sweep.IndexPartitioner;
import io.daytrade.jobs.sweep.SweepJob;
import io.daytrade.operators.sweep.WalkForwardEvaluator;
import io.daytrade.operators.sweep.WalkForwardFanOut;
import io.daytrade.operators.sweep.WalkForwardResult;
import io.daytrade.operators.sweep.WalkForwardTask;
import io.daytrade.schemas.Bar;

import java.util.List;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Walk-forward optimisation as one bounded job: the sweep's per-symbol histories, cut into windows
 * that run in parallel, each choosing its parameters on its train slice and testing them on the
 * slice after it.
 */
public final class WalkForwardJob {

    private WalkForwardJob() {}

    public static SingleOutputStreamOperator<WalkForwardResult> build(BoundedJob job, DataStream<Bar> bars,
            String source, SweepPlan plan, ExecutionSettings settings, String metric, Span train, Span test, Span step) {
        // Histories of the bars alone: a window's task computes the columns where it runs.
        return SweepJob.histories(job, bars, source, List.of())
                .flatMap(new WalkForwardFanOut(train, test, step, plan.parameterSets().length),
                        TypeInformation.of(WalkForwardTask.class))
                .uid("walk-forward-windows").name("Windows (train " + train + ", test " + test + ", step " + step + ")")
                // Windows dealt to the subtasks in turn, so that even one symbol's windows run in parallel.
                .partitionCustom(new IndexPartitioner(), new IndexPartitioner.WalkForwardTaskNumber())
                .flatMap(new WalkForwardEvaluator(plan.strategy(), plan.names(), plan.parameterSets(), settings, metric),
                        TypeInformation.of(WalkForwardResult.class))
                .uid("walk-forward-evaluate").name("Train, choose, test");
    }
}
