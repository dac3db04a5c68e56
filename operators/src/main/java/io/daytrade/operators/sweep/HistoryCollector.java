package io.daytrade.operators.sweep;

import io.daytrade.backtest.BarHistory;
import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.operators.deadletters.DeadLetters;
import io.daytrade.operators.indicators.IndicatorSetSerializer;
import io.daytrade.schemas.Bar;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Gathers each symbol's bars as they come and, at the end of the input, computes every indicator column
 * any parameter set of the sweep reads, once, with the indicator code of the live job's operator
 * ({@link BarHistory#compute}), and emits one {@link BarHistory} per symbol, in symbol order. A bar
 * that repeats the time of an earlier one goes to the dead letters, as the indicator operator sends it.
 *
 * <p>Not keyed, and its input must be partitioned by symbol ({@link SymbolPartitioner}): in BATCH
 * mode a keyed operator's input is first sorted by key, every bar serialized, sorted and read back, and
 * that took longer than all the rest of building the histories. Instead a subtask holds its symbols'
 * bars in memory, 48 bytes a bar, until the input ends.
 */
public class HistoryCollector extends AbstractStreamOperator<BarHistory>
        implements OneInputStreamOperator<Bar, BarHistory>, BoundedOneInput {

    private static final long serialVersionUID = 1L;

    private final String specList;
    private final String source;
    private transient List<IndicatorSpec> specs;
    private transient TreeMap<String, ArrivingBars> bySymbol;

    /**
     * @param specs the indicators to compute, in the order of the history's columns
     * @param source the input's name, written into dead letters
     */
    public HistoryCollector(List<IndicatorSpec> specs, String source) {
        this.specList = IndicatorSetSerializer.join(specs);
        this.source = source;
    }

    @Override
    public void open() throws Exception {
        super.open();
        specs = specList.isEmpty() ? List.of() : IndicatorSpec.parseList(specList); // none: the bars alone
        bySymbol = new TreeMap<>();
    }

    @Override
    public void processElement(StreamRecord<Bar> element) {
        Bar bar = element.getValue();
        ArrivingBars bars = bySymbol.computeIfAbsent(bar.getSymbol().toString(), symbol -> new ArrivingBars());
        long time = bar.getWindowStart().toEpochMilli();
        if (!bars.add(time, bar.getOpen(), bar.getHigh(), bar.getLow(), bar.getClose(), bar.getVolume())) {
            output.collect(DeadLetters.TAG, new StreamRecord<>(DeadLetters.ofText(source, null, bar.toString(),
                    DeadLetters.OUT_OF_ORDER_BAR, "bar of " + bar.getSymbol() + " " + bar.getInterval() + " at "
                            + bar.getWindowStart() + " repeats the time of an earlier bar")));
        }
    }

    @Override
    public void endInput() {
        while (!bySymbol.isEmpty()) {
            Map.Entry<String, ArrivingBars> next = bySymbol.pollFirstEntry(); // its memory goes as it is sent
            output.collect(new StreamRecord<>(next.getValue().history(next.getKey(), specs)));
        }
    }
}
