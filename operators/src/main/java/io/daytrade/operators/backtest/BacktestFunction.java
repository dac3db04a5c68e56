package io.daytrade.operators.backtest;

import io.daytrade.backtest.ExecutionSettings;
import io.daytrade.backtest.PortfolioSimulator;
import io.daytrade.backtest.PositionSimulator;
import io.daytrade.backtest.Trade;
import io.daytrade.schemas.Side;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by symbol (or, for a portfolio, one key for all symbols): gathers the bars and signals and, at the
 * end of the input, runs the execution simulator over them in time order (at equal times the bars first,
 * then the signals in rule order, the last one winning; symbols alphabetically), so the result does not
 * depend on how a runtime ordered ties.
 */
public class BacktestFunction extends KeyedProcessFunction<String, BacktestEvent, SymbolBacktest> {

    private static final long serialVersionUID = 1L;

    /** The key and the report name of a portfolio backtest. */
    public static final String PORTFOLIO = "portfolio";

    private final ExecutionSettings settings;
    private final List<String> ruleOrder;
    private final boolean portfolio;
    private transient ListState<BacktestEvent> events;

    /** @param portfolio true when all symbols share one capital (and arrive under one key) */
    public BacktestFunction(ExecutionSettings settings, List<String> ruleOrder, boolean portfolio) {
        this.settings = settings;
        this.ruleOrder = List.copyOf(ruleOrder);
        this.portfolio = portfolio;
    }

    @Override
    public void open(OpenContext openContext) {
        events = getRuntimeContext().getListState(new ListStateDescriptor<>("events", BacktestEvent.type()));
    }

    @Override
    public void processElement(BacktestEvent event, Context ctx, Collector<SymbolBacktest> out) throws Exception {
        events.add(event);
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SymbolBacktest> out) throws Exception {
        List<BacktestEvent> ordered = new ArrayList<>();
        events.get().forEach(ordered::add);
        events.clear();
        ordered.sort(Comparator.comparingLong(BacktestEvent::time)
                .thenComparingInt(e -> e.bar != null ? -1 : ruleOrder.indexOf(e.signal.getStrategyId()))
                .thenComparing(BacktestEvent::symbol));
        if (portfolio) {
            out.collect(portfolio(ordered));
            return;
        }
        PositionSimulator account = new PositionSimulator(settings);
        List<Double> closes = new ArrayList<>();
        List<String> signals = new ArrayList<>();
        for (BacktestEvent event : ordered) {
            if (event.bar != null) {
                closes.add(event.bar.getClose());
                account.onBar(event.time(), event.bar.getOpen(), event.bar.getHigh(), event.bar.getLow(),
                        event.bar.getClose());
            } else {
                signals.add(signalRow(event));
                account.decide(target(event.signal.getSide()));
            }
        }
        account.finish();
        SymbolBacktest result = result(ctx.getCurrentKey(), account);
        result.closes = closes.stream().mapToDouble(Double::doubleValue).toArray();
        result.signalRows = signals.toArray(String[]::new);
        out.collect(result);
    }

    private SymbolBacktest portfolio(List<BacktestEvent> ordered) {
        PortfolioSimulator account = new PortfolioSimulator(settings);
        List<String> signals = new ArrayList<>();
        for (BacktestEvent event : ordered) {
            if (event.bar != null) {
                account.onBar(event.symbol(), event.time(), event.bar.getOpen(), event.bar.getHigh(),
                        event.bar.getLow(), event.bar.getClose());
            } else {
                signals.add(signalRow(event));
                account.decide(event.symbol(), target(event.signal.getSide()));
            }
        }
        account.finish();
        List<PortfolioSimulator.SymbolTrade> trades = account.trades();
        SymbolBacktest result = new SymbolBacktest();
        result.symbol = PORTFOLIO;
        result.times = account.times().stream().mapToLong(Long::longValue).toArray();
        result.equity = account.equity().stream().mapToDouble(Double::doubleValue).toArray();
        result.tradePnl = trades.stream().mapToDouble(t -> t.trade().pnl()).toArray();
        result.tradeRows = trades.stream().map(t -> row(t.symbol(), t.trade())).toArray(String[]::new);
        result.signalRows = signals.toArray(String[]::new);
        result.exposure = account.exposure();
        result.tradedNotional = account.tradedNotional();
        result.feesPaid = account.feesPaid();
        return result;
    }

    private static String signalRow(BacktestEvent event) {
        return event.time() + "," + event.signal.getSymbol() + "," + event.signal.getStrategyId() + ","
                + event.signal.getSide();
    }

    private static int target(Side side) {
        return switch (side) {
            case BUY -> PositionSimulator.LONG;
            case SELL -> PositionSimulator.SHORT;
            case FLAT -> PositionSimulator.FLAT;
        };
    }

    private static SymbolBacktest result(String symbol, PositionSimulator account) {
        SymbolBacktest result = new SymbolBacktest();
        result.symbol = symbol;
        result.times = account.timesArray();
        result.equity = account.equityArray();
        result.tradePnl = account.trades().stream().mapToDouble(Trade::pnl).toArray();
        result.tradeRows = account.trades().stream().map(t -> row(symbol, t)).toArray(String[]::new);
        result.exposure = account.exposure();
        result.tradedNotional = account.tradedNotional();
        result.feesPaid = account.feesPaid();
        return result;
    }

    /** symbol,side,entry_time,exit_time,quantity,entry_price,exit_price,pnl,fees,exit_reason */
    private static String row(String symbol, Trade trade) {
        return String.join(",", symbol, trade.direction() > 0 ? "long" : "short",
                Long.toString(trade.entryTime()), Long.toString(trade.exitTime()),
                Double.toString(trade.quantity()), Double.toString(trade.entryPrice()),
                Double.toString(trade.exitPrice()), Double.toString(trade.pnl()), Double.toString(trade.fees()),
                trade.exitReason());
    }
}
