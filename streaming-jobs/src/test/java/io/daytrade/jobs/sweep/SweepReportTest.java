package io.daytrade.jobs.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.daytrade.backtest.ExecutionSettings;
import io.daytrade.backtest.PerformanceMetrics;
import io.daytrade.backtest.SweepPlan;
import io.daytrade.operators.sweep.SweepResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * results.csv is in symbol and grid order whatever order the rows come in, each cell reads back as its
 * double, and the top rows are those a stable sort by the metric puts first (ties in row order).
 */
class SweepReportTest {

    private static final SweepPlan PLAN = SweepPlan.of("sma_cross", "fast=2..5:1,slow=10..12:1", 0, 0);
    private static final int SHARPE = PerformanceMetrics.names().indexOf("sharpe");
    private static final int DRAWDOWN = PerformanceMetrics.names().indexOf("max_drawdown");

    @Test
    void rowsInGridOrderCellsExactTopStable(@TempDir Path dir) throws IOException {
        Random random = new Random(4);
        List<SweepResult> rows = new ArrayList<>();
        for (String symbol : List.of("MSFT", "AAPL", "ZM")) {
            for (int set = 0; set < PLAN.parameterSets().length; set++) {
                double[] metrics = new double[PerformanceMetrics.names().size()];
                for (int m = 0; m < metrics.length; m++) {
                    metrics[m] = PerformanceMetrics.isCount(PerformanceMetrics.names().get(m))
                            ? random.nextInt(100) : random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6);
                }
                metrics[SHARPE] = random.nextInt(4) == 0 ? Double.NaN : random.nextInt(5); // ties, undefined
                metrics[DRAWDOWN] = random.nextInt(3) / 10.0;
                rows.add(result(symbol, set, metrics));
            }
        }
        List<SweepResult> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, random);

        List<String> lines = write(dir.resolve("sharpe"), shuffled, "sharpe");

        List<SweepResult> expected = new ArrayList<>(rows);
        expected.sort(java.util.Comparator.comparing((SweepResult r) -> r.symbol).thenComparingInt(r -> r.parameterSet));
        assertThat(lines).hasSize(expected.size() + 1);
        List<String> header = List.of(lines.get(0).split(","));
        for (int i = 0; i < expected.size(); i++) {
            String[] cells = lines.get(i + 1).split(",", -1);
            assertThat(cells[0]).isEqualTo(expected.get(i).symbol);
            for (int m = 0; m < PerformanceMetrics.names().size(); m++) {
                String cell = cells[header.indexOf(PerformanceMetrics.names().get(m))];
                double value = expected.get(i).metrics[m];
                if (Double.isNaN(value)) {
                    assertThat(cell).isEmpty();
                } else {
                    assertThat(Double.parseDouble(cell)).as("row %d %s", i, header.get(m)).isEqualTo(value);
                }
            }
        }
        assertTopIsTheStableSortsHead(dir.resolve("sharpe"), expected, SHARPE, false);

        write(dir.resolve("drawdown"), shuffled, "max_drawdown");
        assertTopIsTheStableSortsHead(dir.resolve("drawdown"), expected, DRAWDOWN, true);
    }

    private static void assertTopIsTheStableSortsHead(Path dir, List<SweepResult> inRowOrder, int m, boolean lower)
            throws IOException {
        java.util.Comparator<Double> order = lower ? java.util.Comparator.naturalOrder() : java.util.Comparator.reverseOrder();
        List<String> expected = inRowOrder.stream().filter(r -> !Double.isNaN(r.metrics[m]))
                .sorted(java.util.Comparator.comparing((SweepResult r) -> r.metrics[m], order)).limit(5)
                .map(r -> r.symbol + "/" + r.parameterSet).toList();
        JsonNode top = new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).path("top");
        List<String> actual = new ArrayList<>();
        top.forEach(entry -> {
            JsonNode parameters = entry.path("parameters");
            double[] set = {parameters.path("fast").asDouble(), parameters.path("slow").asDouble()};
            int index = 0;
            while (!java.util.Arrays.equals(PLAN.parameterSets()[index], set)) {
                index++;
            }
            actual.add(entry.path("symbol").asText() + "/" + index);
        });
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    private static List<String> write(Path dir, List<SweepResult> rows, String metric) throws IOException {
        new SweepReport(dir.toString(), PLAN, "fast=2..5:1,slow=10..12:1", ExecutionSettings.defaults(252), metric, 5,
                Map.of()).write(rows, List.of());
        return Files.readAllLines(dir.resolve("results.csv"));
    }

    private static SweepResult result(String symbol, int set, double[] metrics) {
        SweepResult result = new SweepResult();
        result.symbol = symbol;
        result.parameterSet = set;
        result.bars = 100;
        result.metrics = metrics;
        return result;
    }
}
