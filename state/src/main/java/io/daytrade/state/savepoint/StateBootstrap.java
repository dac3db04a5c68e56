package io.daytrade.state.savepoint;

import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.operators.bars.BarInterval;
import io.daytrade.operators.indicators.BarKey;
import io.daytrade.operators.signals.IndicatorKey;
import io.daytrade.schemas.Bar;
import io.daytrade.schemas.IndicatorValues;
import io.daytrade.schemas.Tick;
import io.daytrade.signals.RuleDefinition;

import java.util.List;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.OperatorTransformation;
import org.apache.flink.state.api.SavepointWriter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A savepoint of the live job computed from history with Flink's State Processor API: the indicator
 * stage's and the signal stage's keyed state, as the live job would hold them after those bars. The
 * live job started from it (its other operators start empty; the Kafka source from its configured
 * offsets) emits for its first live bars what a job that had processed the whole history would.
 * The savepoint is in Flink's canonical format, so the live job restores it into RocksDB.
 */
public final class StateBootstrap {

    private StateBootstrap() {}

    /** The live job's operators whose state a bootstrap writes, by uid. */
    public record Uids(String bars, String indicators, String signals) {}

    /** The ticks of the bar in progress at the end of a tick history, and that bar's interval. */
    public record BarInProgress(DataStream<Tick> ticks, BarInterval interval) {}

    /**
     * Adds the bootstrap to {@code env} (a BATCH environment); {@code env.execute()} then writes it.
     *
     * @param bars the history, bars in time order per symbol and interval (BATCH sorts each key's input by time)
     * @param values the same bars' indicator values, computed by the indicator operator
     * @param maxParallelism the live job's {@code max-parallelism}: key groups must match
     */
    public static void write(StreamExecutionEnvironment env, DataStream<Bar> bars, DataStream<IndicatorValues> values,
            List<IndicatorSpec> indicators, List<RuleDefinition> rules, List<String> indicatorColumns, Uids uids,
            int maxParallelism, String path) {
        write(env, bars, values, null, indicators, rules, indicatorColumns, uids, maxParallelism, path);
    }

    /** @param inProgress the bar in progress of each symbol, or null when the history ends with complete bars */
    public static void write(StreamExecutionEnvironment env, DataStream<Bar> bars, DataStream<IndicatorValues> values,
            BarInProgress inProgress, List<IndicatorSpec> indicators, List<RuleDefinition> rules,
            List<String> indicatorColumns, Uids uids, int maxParallelism, String path) {
        // The State Processor API moves its own bookkeeping (TaggedOperatorSubtaskState) as a generic type;
        // every state it writes here still has the live job's serializers (Avro, POJO, IndicatorSetSerializer).
        Configuration generic = new Configuration();
        generic.set(PipelineOptions.GENERIC_TYPES, true);
        env.configure(generic);
        SavepointWriter writer = SavepointWriter.newSavepoint(env, new HashMapStateBackend(), maxParallelism)
                .withOperator(OperatorIdentifier.forUid(uids.indicators()), OperatorTransformation.bootstrapWith(bars)
                        .keyBy(new BarKey(), Types.STRING)
                        .transform(new IndicatorStateBootstrap(indicators)));
        if (!rules.isEmpty()) {
            writer = writer.withOperator(OperatorIdentifier.forUid(uids.signals()), OperatorTransformation.bootstrapWith(values)
                    .keyBy(new IndicatorKey(), Types.STRING)
                    .transform(new RuleStateBootstrap(rules, indicatorColumns)));
        }
        if (inProgress != null) {
            writer = writer.withOperator(OperatorIdentifier.forUid(uids.bars()), OperatorTransformation.bootstrapWith(inProgress.ticks())
                    .keyBy(tick -> tick.getSymbol().toString(), Types.STRING)
                    .transform(new OpenBarBootstrap(inProgress.interval())));
        }
        writer.write(path);
    }
}
