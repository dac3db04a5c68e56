package io.daytrade.state.savepoint;

import io.daytrade.indicators.IndicatorSpec;
import io.daytrade.operators.indicators.IndicatorSetSerializer;
import io.daytrade.operators.indicators.IndicatorState;
import io.daytrade.schemas.Bar;

import java.util.List;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.state.api.functions.KeyedStateBootstrapFunction;

/**
 * Writes the indicator stage's state from a symbol's history: the bars, in time order, go through the
 * operator's own {@link IndicatorState}, so the state is what the live job would hold after them.
 */
public class IndicatorStateBootstrap extends KeyedStateBootstrapFunction<String, Bar> {

    private static final long serialVersionUID = 1L;

    private final String specList;
    private transient IndicatorState state;

    public IndicatorStateBootstrap(List<IndicatorSpec> specs) {
        this.specList = IndicatorSetSerializer.join(specs);
    }

    @Override
    public void open(OpenContext openContext) {
        state = new IndicatorState(getRuntimeContext(), IndicatorSpec.parseList(specList));
    }

    @Override
    public void processElement(Bar bar, Context ctx) throws Exception {
        state.advance(bar);
    }
}
