package io.daytrade.state.savepoint;

import io.daytrade.indicators.IndicatorSet;
import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.operators.bars.BarAccumulator;
import io.daytrade.operators.bars.BarAssembler;
import io.daytrade.operators.indicators.IndicatorSetSerializer;
import io.daytrade.operators.indicators.IndicatorState;
import io.daytrade.operators.signals.RuleState;
import io.daytrade.signals.RuleMemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.SavepointReader;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;

/**
 * Reads what a savepoint of the live job holds per key, with the State Processor API: the bars in
 * progress (the open bars, with their ticks so far), the indicators (value or still warming up)
 * and the signal rules' memory. One line per key and stage, sorted.
 */
public final class StateInspector {

    private StateInspector() {}

    /** The uids of the live job's keyed stages. */
    public record Uids(String bars, String indicators, String signals) {}

    /**
     * @param indicators the indicators to show (those of the job's configuration; others in the savepoint
     *     are not read, missing ones show as warming up)
     * @param intervals the bar interval labels of the job, e.g. {@code 1m}
     * @param symbol only this symbol, or null for all
     */
    public static List<String> inspect(StreamExecutionEnvironment env, String path, Uids uids,
            List<IndicatorSpec> indicators, List<String> intervals, String symbol) throws Exception {
        SavepointReader reader = SavepointReader.read(env, path, new HashMapStateBackend());
        List<String> lines = new ArrayList<>();
        collect(reader, uids.bars(), new BarsReader(intervals), symbol, lines);
        collect(reader, uids.indicators(), new IndicatorsReader(indicators), symbol, lines);
        collect(reader, uids.signals(), new RulesReader(), symbol, lines);
        lines.sort(null);
        return lines;
    }

    private static void collect(SavepointReader reader, String uid, KeyedStateReaderFunction<String, String> function,
            String symbol, List<String> into) throws Exception {
        DataStream<String> stream;
        try {
            stream = reader.readKeyedState(OperatorIdentifier.forUid(uid), function, Types.STRING, Types.STRING);
        } catch (java.io.IOException e) {
            if (String.valueOf(e.getMessage()).contains("does not contain state")) {
                return; // e.g. a bootstrap savepoint has no bars in progress
            }
            throw e;
        }
        try (CloseableIterator<String> lines = stream.executeAndCollect("daytrade inspect-state " + uid)) {
            while (lines.hasNext()) {
                String line = lines.next();
                if (symbol == null || line.startsWith(symbol + " ") || line.startsWith(symbol + "|")) {
                    into.add(line);
                }
            }
        }
    }

    private static String time(Long millis) {
        return millis == null ? "-" : Instant.ofEpochMilli(millis).toString();
    }

    /** {@code SYMBOL bars: N open; open 1m bar from T: open o high h low l close c, volume v, n ticks}. */
    static final class BarsReader extends KeyedStateReaderFunction<String, String> {
        private static final long serialVersionUID = 1L;
        private final List<String> intervals;
        private transient List<MapState<Long, BarAccumulator>> open;

        BarsReader(List<String> intervals) {
            this.intervals = List.copyOf(intervals);
        }

        @Override
        public void open(OpenContext context) {
            open = new ArrayList<>();
            for (String interval : intervals) {
                open.add(getRuntimeContext().getMapState(BarAssembler.openBarsDescriptor(interval)));
            }
        }

        @Override
        public void readKey(String key, Context context, Collector<String> out) throws Exception {
            List<String> bars = new ArrayList<>();
            for (int i = 0; i < intervals.size(); i++) {
                List<BarAccumulator> byStart = new ArrayList<>();
                open.get(i).values().forEach(byStart::add);
                byStart.sort(java.util.Comparator.comparingLong(bar -> bar.windowStart));
                for (BarAccumulator bar : byStart) {
                    bars.add(String.format(Locale.ROOT, "; open %s bar from %s: open %s high %s low %s close %s,"
                                    + " volume %s, %d ticks", intervals.get(i), time(bar.windowStart), bar.open, bar.high,
                            bar.low, bar.close, bar.volume.value(), bar.tickCount));
                }
            }
            out.collect(key + " bars: " + bars.size() + " open" + String.join("", bars));
        }
    }

    /** {@code SYMBOL|INTERVAL indicators after the bar of T: sma_10=..., rsi_14=(warming up)}. */
    static final class IndicatorsReader extends KeyedStateReaderFunction<String, String> {
        private static final long serialVersionUID = 1L;
        private final String specList;
        private transient IndicatorState state;

        IndicatorsReader(List<IndicatorSpec> specs) {
            this.specList = IndicatorSetSerializer.join(specs);
        }

        @Override
        public void open(OpenContext context) {
            state = new IndicatorState(getRuntimeContext(), IndicatorSpec.parseList(specList));
        }

        @Override
        public void readKey(String key, Context context, Collector<String> out) throws Exception {
            IndicatorSet set = state.current();
            double[] row = new double[set.columns().size()];
            set.values(row);
            StringBuilder line = new StringBuilder(key + " indicators after the bar of " + time(state.lastBarTime()) + ":");
            for (int c = 0; c < row.length; c++) {
                line.append(' ').append(set.columns().get(c)).append('=')
                        .append(Double.isNaN(row[c]) ? "(warming up)" : Double.toString(row[c]));
            }
            out.collect(line.toString());
        }
    }

    /** {@code SYMBOL|INTERVAL rules after the bar of T: rule=TRUE|FALSE|UNKNOWN ...}. */
    static final class RulesReader extends KeyedStateReaderFunction<String, String> {
        private static final long serialVersionUID = 1L;
        private static final String[] TRUTH = {"TRUE", "FALSE", "UNKNOWN"};
        private transient ValueState<RuleMemory> memory;
        private transient ValueState<Long> lastBarTime;

        @Override
        public void open(OpenContext context) {
            memory = getRuntimeContext().getState(new ValueStateDescriptor<>(RuleState.MEMORY, RuleMemory.class));
            lastBarTime = getRuntimeContext().getState(new ValueStateDescriptor<>(RuleState.LAST_BAR_TIME, Types.LONG));
        }

        @Override
        public void readKey(String key, Context context, Collector<String> out) throws Exception {
            RuleMemory rules = memory.value();
            if (rules == null) {
                return;
            }
            StringBuilder line = new StringBuilder(key + " rules after the bar of " + time(lastBarTime.value()) + ":");
            for (int r = 0; r < rules.previous.length; r++) {
                String id = rules.rules != null && r < rules.rules.length ? rules.rules[r] : "rule " + (r + 1);
                line.append(' ').append(id).append('=').append(TRUTH[rules.previous[r]]);
            }
            out.collect(line.toString());
        }
    }
}
