package io.daytrade.jobs;

import io.daytrade.crossasset.CrossAssetCalculator;
import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.operators.IdleKeyCleanup;
import io.daytrade.operators.bars.BarInterval;
import io.daytrade.operators.bars.BarAssembler;
import io.daytrade.operators.bars.BarTypeInfo;
import io.daytrade.operators.bars.PartialBar;
import io.daytrade.operators.bars.PartialBarTypeInfo;
import io.daytrade.operators.bars.TickPreAggregator;
import io.daytrade.operators.crossasset.CrossAssetFunction;
import io.daytrade.operators.indicators.BarIndicatorFunction;
import io.daytrade.operators.indicators.BarKey;
import io.daytrade.operators.signals.IndicatorKey;
import io.daytrade.operators.signals.SignalFunction;
import io.daytrade.operators.statecache.StateCachingKeyedProcessOperator;
import io.daytrade.schemas.Bar;
import io.daytrade.schemas.CrossAsset;
import io.daytrade.schemas.IndicatorValues;
import io.daytrade.schemas.Signal;
import io.daytrade.schemas.Tick;
import io.daytrade.signals.RuleDefinition;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The keyed stages every job shares, bounded or live: ticks → bars → indicators. Their uids are part
 * of the savepoint format: never change them.
 */
public final class AnalyticsPipeline {

    public static final String BARS_UID = "ticks-to-bars";
    /** Holds no state (it sends everything on before each checkpoint barrier); a uid all the same. */
    public static final String PRE_AGGREGATE_UID = "pre-aggregate-ticks";
    public static final String INDICATORS_UID = "bar-indicators";
    public static final String SIGNALS_UID = "signal-rules";
    public static final String CROSS_ASSET_UID = "cross-asset";

    private AnalyticsPipeline() {}

    /**
     * @param sortedInput true in BATCH mode, where each symbol's ticks arrive sorted by event time
     * @param source name of the input, written into dead letters
     */
    public static SingleOutputStreamOperator<Bar> bars(DataStream<Tick> ticks, List<BarInterval> intervals,
            boolean sortedInput, String source) {
        return bars(ticks, intervals, sortedInput, source, StateCachingKeyedProcessOperator.DEFAULT_MAX_KEYS);
    }

    /**
     * @param cachedKeys symbols whose state each keyed subtask holds as objects between checkpoints when the
     *     state backend serializes (RocksDB); 0 reads and writes the backend on every bar
     */
    public static SingleOutputStreamOperator<Bar> bars(DataStream<Tick> ticks, List<BarInterval> intervals,
            boolean sortedInput, String source, int cachedKeys) {
        String labels = intervals.stream().map(BarInterval::label).collect(Collectors.joining(","));
        // Chained to whatever produced the ticks, so that ticks never cross the shuffle one by one.
        return ticks.transform("Pre-aggregate ticks (" + labels + ")", new PartialBarTypeInfo(),
                        new TickPreAggregator(intervals, source))
                .uid(PRE_AGGREGATE_UID)
                .keyBy(part -> part.symbol, Types.STRING)
                .transform("Ticks to bars (" + labels + ")", new BarTypeInfo(),
                        new StateCachingKeyedProcessOperator<>(new BarAssembler(intervals, sortedInput, source), cachedKeys))
                .uid(BARS_UID);
    }

    public static SingleOutputStreamOperator<IndicatorValues> indicators(DataStream<Bar> bars,
            List<IndicatorSpec> specs, String source) {
        return indicators(bars, specs, source, IdleKeyCleanup.never());
    }

    /** @param cleanup when a symbol that stopped trading gives up its state (live jobs) */
    public static SingleOutputStreamOperator<IndicatorValues> indicators(DataStream<Bar> bars,
            List<IndicatorSpec> specs, String source, IdleKeyCleanup cleanup) {
        return indicators(bars, specs, source, cleanup, StateCachingKeyedProcessOperator.DEFAULT_MAX_KEYS);
    }

    /** @param cachedKeys as for {@link #bars(DataStream, List, boolean, String, int)} */
    public static SingleOutputStreamOperator<IndicatorValues> indicators(DataStream<Bar> bars,
            List<IndicatorSpec> specs, String source, IdleKeyCleanup cleanup, int cachedKeys) {
        return bars.keyBy(new BarKey(), Types.STRING)
                .transform("Indicators (" + specs.size() + ")", new AvroTypeInfo<>(IndicatorValues.class),
                        new StateCachingKeyedProcessOperator<>(new BarIndicatorFunction(specs, source, cleanup), cachedKeys))
                .uid(INDICATORS_UID);
    }

    /**
     * @param values straight from {@link #indicators}: they are taken as already partitioned by symbol
     *     and interval, the key of both stages
     * @param indicatorColumns the columns of the incoming values; rules were compiled against them
     */
    public static SingleOutputStreamOperator<Signal> signals(SingleOutputStreamOperator<IndicatorValues> values,
            List<RuleDefinition> rules, List<String> indicatorColumns) {
        return signals(values, rules, indicatorColumns, IdleKeyCleanup.never());
    }

    /**
     * The rules run in the indicator stage's subtasks, chained to it: both stages are keyed by symbol and
     * interval, so the values need no shuffle (no map of strings per bar over the network, one thread
     * fewer per subtask). The keyed state is the same as when the values were shuffled; state is matched
     * to operators by uid, not by chain.
     *
     * @param cleanup when a symbol that stopped trading gives up its state (live jobs)
     */
    public static SingleOutputStreamOperator<Signal> signals(SingleOutputStreamOperator<IndicatorValues> values,
            List<RuleDefinition> rules, List<String> indicatorColumns, IdleKeyCleanup cleanup) {
        return signals(values, rules, indicatorColumns, cleanup, StateCachingKeyedProcessOperator.DEFAULT_MAX_KEYS);
    }

    /** @param cachedKeys as for {@link #bars(DataStream, List, boolean, String, int)} */
    public static SingleOutputStreamOperator<Signal> signals(SingleOutputStreamOperator<IndicatorValues> values,
            List<RuleDefinition> rules, List<String> indicatorColumns, IdleKeyCleanup cleanup, int cachedKeys) {
        return DataStreamUtils.reinterpretAsKeyedStream(values, new IndicatorKey(), Types.STRING)
                .transform("Signal rules (" + rules.size() + ")", new AvroTypeInfo<>(Signal.class),
                        new StateCachingKeyedProcessOperator<>(new SignalFunction(rules, indicatorColumns, cleanup), cachedKeys))
                .uid(SIGNALS_UID);
    }

    /**
     * Rolling correlations, betas and factor regressions among the bars of the calculator's symbols, one
     * computation per bar interval (all symbols of a set meet in one key).
     */
    public static SingleOutputStreamOperator<CrossAsset> crossAsset(DataStream<Bar> bars, CrossAssetCalculator calculator,
            String benchmark, List<String> factors, String source) {
        Set<String> members = new HashSet<>(calculator.symbols());
        return bars.filter(bar -> members.contains(bar.getSymbol().toString()))
                .uid("cross-asset-symbols").name("Bars of " + members.size() + " cross-asset symbols")
                .keyBy(bar -> bar.getInterval().toString(), Types.STRING)
                .process(new CrossAssetFunction(calculator, benchmark, factors, source), new AvroTypeInfo<>(CrossAsset.class))
                .uid(CROSS_ASSET_UID)
                .name("Cross-asset (window " + calculator.window() + ")");
    }
}
