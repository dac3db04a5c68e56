package io.daytrade.operators.sweep;

import io.daytrade.schemas.Bar;

import org.apache.flink.api.common.functions.Partitioner;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * Sends all of a symbol's bars to one subtask, by the symbol's hash: what a {@code keyBy} would do,
 * without making the next operator keyed (which in BATCH mode sorts its input first).
 */
public final class SymbolPartitioner implements Partitioner<String> {

    private static final long serialVersionUID = 1L;

    @Override
    public int partition(String symbol, int partitions) {
        return Math.floorMod(symbol.hashCode(), partitions);
    }

    /** A bar's symbol. */
    public static final class Symbol implements KeySelector<Bar, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(Bar bar) {
            return bar.getSymbol().toString();
        }
    }
}
