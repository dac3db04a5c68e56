package io.daytrade.jobs.walkforward;

import io.daytrade.backtest.ExecutionSettings;
import io.daytrade.backtest.Span;
import io.daytrade.backtest.SweepPlan;
import io.daytrade.jobs.BoundedJob;
import io.daytrade.jobs.sweep.SweepJob;
import io.daytrade.operators.dealing.DealtTasksOperatorFactory;
import io.daytrade.operators.sweep.WalkForwardEvaluator;
import io.daytrade.operators.sweep.WalkForwardResult;
import io.daytrade.schemas.Bar;

import java.util.List;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Walk-forward optimisation as one bounded job: the sweep's per-symbol histories, cut into windows
 * that are dealt to the subtasks as they ask for work, each choosing its parameters on its train slice
 * and testing them on the slice after it.
 */
public final class WalkForwardJob {

    private WalkForwardJob() {}

    public static SingleOutputStreamOperator<WalkForwardResult> build(BoundedJob job, DataStream<Bar> bars,
            String source, SweepPlan plan, ExecutionSettings settings, String metric, Span train, Span test, Span step) {
        // Histories of the bars alone: a window's task computes the columns where it runs.
        return DealtTasksOperatorFactory.dealt(SweepJob.histories(job, bars, source, List.of()),
                        "Train, choose, test (windows: train " + train + ", test " + test + ", step " + step + ")",
                        TypeInformation.of(WalkForwardResult.class),
                        new WalkForwardEvaluator(plan.strategy(), plan.names(), plan.parameterSets(), settings,
                                metric, train, test, step))
                .uid("walk-forward-evaluate");
    }
}
