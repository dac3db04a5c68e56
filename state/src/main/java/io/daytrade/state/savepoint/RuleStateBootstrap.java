package io.daytrade.state.savepoint;

import io.daytrade.operators.signals.RuleState;
import io.daytrade.operators.signals.SignalFunction;
import io.daytrade.schemas.IndicatorValues;
import io.daytrade.signals.RuleDefinition;
import io.daytrade.signals.SignalRules;

import java.util.List;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.state.api.functions.KeyedStateBootstrapFunction;

/** Writes the signal stage's state: each bar's indicator values, in time order, through the rules. */
public class RuleStateBootstrap extends KeyedStateBootstrapFunction<String, IndicatorValues> {

    private static final long serialVersionUID = 1L;

    private final List<RuleDefinition> rules;
    private final List<String> indicatorColumns;
    private transient RuleState state;

    public RuleStateBootstrap(List<RuleDefinition> rules, List<String> indicatorColumns) {
        this.rules = List.copyOf(rules);
        this.indicatorColumns = List.copyOf(indicatorColumns);
    }

    @Override
    public void open(OpenContext openContext) {
        state = new RuleState(getRuntimeContext(),
                SignalRules.compile(rules, SignalFunction.rowLayout(indicatorColumns)), indicatorColumns);
    }

    @Override
    public void processElement(IndicatorValues values, Context ctx) throws Exception {
        state.evaluate(values);
    }
}
