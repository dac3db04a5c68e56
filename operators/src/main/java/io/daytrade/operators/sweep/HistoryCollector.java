package io.daytrade.operators.sweep;

import io.daytrade.backtest.BarHistory;
import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.operators.deadletters.DeadLetters;
import io.daytrade.operators.indicators.IndicatorSetSerializer;
import io.daytrade.schemas.Bar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by symbol: gathers a symbol's bars and, at the end of the input, computes every indicator
 * column any parameter set of the sweep reads, once, with the indicator code of the live job's
 * operator ({@link BarHistory#compute}), and emits them as one {@link BarHistory}. A bar that repeats
 * the time of the one before goes to the dead letters, as the indicator operator sends it.
 */
public class HistoryCollector extends KeyedProcessFunction<String, Bar, BarHistory> {

    private static final long serialVersionUID = 1L;

    private final String specList;
    private final String source;
    private transient List<IndicatorSpec> specs;
    private transient ListState<Bar> bars;

    /**
     * @param specs the indicators to compute, in the order of the history's columns
     * @param source the input's name, written into dead letters
     */
    public HistoryCollector(List<IndicatorSpec> specs, String source) {
        this.specList = IndicatorSetSerializer.join(specs);
        this.source = source;
    }

    @Override
    public void open(OpenContext openContext) {
        specs = specList.isEmpty() ? List.of() : IndicatorSpec.parseList(specList); // none: the bars alone
        bars = getRuntimeContext().getListState(new ListStateDescriptor<>("history", new AvroTypeInfo<>(Bar.class)));
    }

    @Override
    public void processElement(Bar bar, Context ctx, Collector<BarHistory> out) throws Exception {
        bars.add(bar);
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<BarHistory> out) throws Exception {
        List<Bar> sorted = new ArrayList<>();
        bars.get().forEach(sorted::add);
        bars.clear();
        sorted.sort(Comparator.comparing(Bar::getWindowStart)); // stable: repeated times keep arrival order
        int n = sorted.size();
        long[] times = new long[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        for (int i = 0; i < n; i++) {
            Bar bar = sorted.get(i);
            times[i] = bar.getWindowStart().toEpochMilli();
            open[i] = bar.getOpen();
            high[i] = bar.getHigh();
            low[i] = bar.getLow();
            close[i] = bar.getClose();
            volume[i] = bar.getVolume();
        }
        out.collect(BarHistory.compute(ctx.getCurrentKey(), times, open, high, low, close, volume, specs, i -> {
            Bar bar = sorted.get(i);
            ctx.output(DeadLetters.TAG, DeadLetters.ofText(source, null, bar.toString(), DeadLetters.OUT_OF_ORDER_BAR,
                    "bar of " + bar.getSymbol() + " " + bar.getInterval() + " at " + bar.getWindowStart()
                            + " is not after the previous one at " + Instant.ofEpochMilli(times[i - 1])));
        }));
    }
}
