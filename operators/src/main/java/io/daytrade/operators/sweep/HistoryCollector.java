package io.daytrade.operators.sweep;

import io.daytrade.backtest.BarHistory;
import io.daytrade.operators.backtest.BacktestEvent;
import io.daytrade.schemas.Bar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by symbol: gathers a symbol's bars and their indicator values (computed once, for every
 * column any parameter set of the sweep reads) and, at the end of the input, emits them as one
 * {@link BarHistory}. Bars are ordered by time; rules are evaluated on the last bar of each time that
 * has indicator values, as in a backtest.
 */
public class HistoryCollector extends KeyedProcessFunction<String, BacktestEvent, BarHistory> {

    private static final long serialVersionUID = 1L;

    private final List<String> columns;
    private transient ListState<BacktestEvent> events;

    /** @param columns the indicator columns of the incoming values, in the order the history keeps */
    public HistoryCollector(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    @Override
    public void open(OpenContext openContext) {
        events = getRuntimeContext().getListState(new ListStateDescriptor<>("history", BacktestEvent.type()));
    }

    @Override
    public void processElement(BacktestEvent event, Context ctx, Collector<BarHistory> out) throws Exception {
        events.add(event);
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<BarHistory> out) throws Exception {
        List<Bar> bars = new ArrayList<>();
        Map<Long, Map<String, Double>> values = new HashMap<>();
        for (BacktestEvent event : events.get()) {
            if (event.bar != null) {
                bars.add(event.bar);
            } else if (event.values != null) {
                values.put(event.time(), event.values.getValues());
            }
        }
        events.clear();
        bars.sort(Comparator.comparing(Bar::getWindowStart));
        out.collect(history(ctx.getCurrentKey(), bars, values));
    }

    private BarHistory history(String symbol, List<Bar> bars, Map<Long, Map<String, Double>> values) {
        int n = bars.size();
        BarHistory history = new BarHistory();
        history.symbol = symbol;
        history.times = new long[n];
        history.open = new double[n];
        history.high = new double[n];
        history.low = new double[n];
        history.close = new double[n];
        history.decides = new boolean[n];
        history.columns = columns.toArray(String[]::new);
        history.values = new double[columns.size() * n];
        for (int i = 0; i < n; i++) {
            Bar bar = bars.get(i);
            long time = bar.getWindowStart().toEpochMilli();
            history.times[i] = time;
            history.open[i] = bar.getOpen();
            history.high[i] = bar.getHigh();
            history.low[i] = bar.getLow();
            history.close[i] = bar.getClose();
            boolean lastOfItsTime = i == n - 1 || bars.get(i + 1).getWindowStart().toEpochMilli() != time;
            Map<String, Double> row = values.get(time);
            history.decides[i] = lastOfItsTime && row != null;
            for (int c = 0; c < columns.size(); c++) {
                Double value = row == null ? null : row.get(columns.get(c));
                history.values[c * n + i] = value == null ? Double.NaN : value;
            }
        }
        return history;
    }
}
