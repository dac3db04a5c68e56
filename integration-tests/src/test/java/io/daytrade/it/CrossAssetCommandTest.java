package io.daytrade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.daytrade.indicators.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code daytrade cross-asset} on the real sector ETFs, against the textbook formulas computed here
 * from scratch: align on common times, two-pass Pearson, beta as cov/var, and a two-factor regression
 * by Cramer's rule on centred data.
 */
class CrossAssetCommandTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

    private static final int WINDOW = 40;
    private static final List<String> DROPPED = List.of("XLE", "XLU");

    @Test
    void matchesAStraightforwardComputationWithMissingBarsAligned(@TempDir Path dir) throws IOException {
        // Some bars of two symbols go missing: those times must be skipped for the whole set.
        List<String> lines = Files.readAllLines(SharedData.real("sectors-daily.csv"));
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        int dropped = 0;
        for (int i = 1; i < lines.size(); i++) {
            String symbol = lines.get(i).split(",")[1];
            boolean drop = DROPPED.contains(symbol) && (i % 97 == 0 || i % 131 == 0);
            dropped += drop ? 1 : 0;
            if (!drop) {
                kept.add(lines.get(i));
            }
        }
        assertThat(dropped).isGreaterThan(5);
        Path bars = Files.write(dir.resolve("sectors.csv"), kept);

        Cli.Run run = Cli.run("cross-asset", "--bars", bars.toString(), "--window", Integer.toString(WINDOW),
                "--benchmark", "XLK", "--factors", "XLK,XLF", "--parallelism", "2", "--out", dir.resolve("out").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        // The reference: closes by time, the times where all 11 symbols have a bar, returns between them.
        TreeMap<Long, Map<String, Double>> table = new TreeMap<>();
        for (String line : kept.subList(1, kept.size())) {
            String[] c = line.split(",");
            table.computeIfAbsent(Long.parseLong(c[0]), t -> new HashMap<>()).put(c[1], Double.parseDouble(c[5]));
        }
        List<String> symbols = CsvTable.read(dir.resolve("out/correlations.csv")).header.subList(2, 13);
        List<Long> common = table.entrySet().stream().filter(e -> e.getValue().size() == symbols.size())
                .map(Map.Entry::getKey).toList();
        assertThat(run.out()).contains((table.size() - common.size()) + " bar times skipped because a symbol had no bar");
        Map<String, double[]> returns = new HashMap<>();
        for (String s : symbols) {
            double[] r = new double[common.size() - 1];
            for (int t = 1; t < common.size(); t++) {
                r[t - 1] = table.get(common.get(t)).get(s) / table.get(common.get(t - 1)).get(s) - 1;
            }
            returns.put(s, r);
        }

        CsvTable correlations = CsvTable.read(dir.resolve("out/correlations.csv"));
        CsvTable betas = CsvTable.read(dir.resolve("out/beta.csv"));
        CsvTable factors = CsvTable.read(dir.resolve("out/factors.csv"));
        int times = common.size() - WINDOW;
        assertThat(correlations.rows).hasSize(times * symbols.size());
        assertThat(factors.rows).hasSize(times * (symbols.size() - 2));
        int checked = 0;
        for (int i = 0; i < correlations.rows.size(); i += 7) {
            String[] row = correlations.rows.get(i);
            int end = common.indexOf(Long.parseLong(row[0])); // the window ends with the return into this time
            assertThat(end).isGreaterThanOrEqualTo(WINDOW);
            double[] a = window(returns.get(row[1]), end);
            for (int o = 0; o < symbols.size(); o++) {
                assertThat(Double.parseDouble(row[2 + o])).as(row[0] + " " + row[1] + "~" + symbols.get(o))
                        .isCloseTo(pearson(a, window(returns.get(symbols.get(o)), end)), within(1e-9));
            }
            String[] beta = betas.rows.get(i);
            assertThat(beta[1]).isEqualTo(row[1]);
            double[] k = window(returns.get("XLK"), end);
            assertThat(Double.parseDouble(beta[3])).isCloseTo(covariance(a, k) / covariance(k, k), within(1e-9));
            checked++;
        }
        for (int i = 0; i < factors.rows.size(); i += 5) {
            String[] row = factors.rows.get(i);
            int end = common.indexOf(Long.parseLong(row[0]));
            double[] expected = twoFactorRegression(window(returns.get(row[1]), end), window(returns.get("XLK"), end),
                    window(returns.get("XLF"), end));
            for (int c = 0; c < 4; c++) {
                assertThat(Double.parseDouble(row[2 + c])).as(row[0] + " " + row[1] + " " + factors.header.get(2 + c))
                        .isCloseTo(expected[c], within(1e-9));
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(600);
    }

    @Test
    void theSameFilesAtAnyParallelismAndMistakesAreOneLine(@TempDir Path dir) throws IOException {
        String bars = SharedData.real("sectors-daily.csv").toString();
        for (String p : List.of("1", "2")) {
            Cli.Run run = Cli.run("cross-asset", "--bars", bars, "--symbols", "XLK,XLF,XLE,XLV", "--window", "30",
                    "--benchmark", "XLK", "--parallelism", p, "--out", dir.resolve("p" + p).toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        for (String file : List.of("correlations.csv", "beta.csv", "summary.json")) {
            assertThat(Files.readAllBytes(dir.resolve("p2").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(dir.resolve("p1").resolve(file)));
        }
        Cli.Run bad = Cli.run("cross-asset", "--bars", bars, "--benchmark", "SPX", "--out", dir.resolve("x").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("daytrade cross-asset: error: the benchmark SPX is not one of the symbols");
    }

    private static double[] window(double[] returns, int end) {
        return java.util.Arrays.copyOfRange(returns, end - WINDOW, end);
    }

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    private static double covariance(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (x[i] - mx) * (y[i] - my);
        }
        return sum / (x.length - 1);
    }

    private static double pearson(double[] x, double[] y) {
        return covariance(x, y) / Math.sqrt(covariance(x, x) * covariance(y, y));
    }

    /** [alpha, beta1, beta2, r squared] of y on x1 and x2. */
    private static double[] twoFactorRegression(double[] y, double[] x1, double[] x2) {
        double s11 = covariance(x1, x1);
        double s22 = covariance(x2, x2);
        double s12 = covariance(x1, x2);
        double s1y = covariance(x1, y);
        double s2y = covariance(x2, y);
        double det = s11 * s22 - s12 * s12;
        double b1 = (s1y * s22 - s2y * s12) / det;
        double b2 = (s11 * s2y - s12 * s1y) / det;
        double alpha = mean(y) - b1 * mean(x1) - b2 * mean(x2);
        double residual = 0;
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            double e = y[i] - alpha - b1 * x1[i] - b2 * x2[i];
            residual += e * e;
            total += (y[i] - mean(y)) * (y[i] - mean(y));
        }
        return new double[] {alpha, b1, b2, 1 - residual / total};
    }
}
