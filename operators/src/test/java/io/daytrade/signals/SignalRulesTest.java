package io.daytrade.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daytrade.schemas.Side;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignalRulesTest {

    private static final List<String> COLUMNS = List.of("close", "rsi_14", "sma_10", "sma_50");
    private static final double NA = Double.NaN;

    /** Feeds rows of (close, rsi_14, sma_10, sma_50) and returns the bar indexes at which the rule fired. */
    private static List<Integer> firings(String when, double[]... rows) {
        SignalRules rules = SignalRules.compile(List.of(new RuleDefinition("r", when, Side.BUY)), COLUMNS);
        RuleMemory memory = rules.newMemory();
        List<Integer> bars = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            if (!rules.evaluate(rows[i], memory).isEmpty()) {
                bars.add(i);
            }
        }
        return bars;
    }

    private static double[] row(double close, double rsi, double sma10, double sma50) {
        return new double[] {close, rsi, sma10, sma50};
    }

    @Test
    void memoryRestoredForFewerRulesKeepsTheOldRulesAndStartsAppendedOnesFresh() {
        RuleDefinition cross = new RuleDefinition("cross", "crosses_above(sma_10, sma_50)", Side.BUY);
        RuleDefinition low = new RuleDefinition("low", "rsi_14 < 30", Side.BUY);
        SignalRules before = SignalRules.compile(List.of(cross), COLUMNS);
        RuleMemory memory = before.newMemory();
        before.evaluate(row(1, 50, 9, 10), memory); // sma_10 below sma_50: armed

        SignalRules after = SignalRules.compile(List.of(cross, new RuleDefinition("low", "rsi_14 < 30", Side.BUY),
                new RuleDefinition("cross-down", "crosses_below(sma_10, sma_50)", Side.SELL)), COLUMNS);
        RuleMemory fitted = after.fit(memory);
        assertThat(fitted.previous).hasSize(3);
        // The old rule kept its previous operands: it fires on the first bar after the upgrade.
        assertThat(after.evaluate(row(1, 20, 11, 10), fitted)).extracting(f -> f.rule().id())
                .containsExactly("cross", "low");

        RuleMemory reordered = SignalRules.compile(List.of(low, cross), COLUMNS).fit(memory);
        assertThat(reordered.crossing).containsOnly(NA);
        assertThat(after.fit(after.newMemory())).isNotNull();
    }

    /**
     * Over every bar, a crossing of two columns is found without a truth per bar, and two opposite ones
     * in one pass; over some bars, through the truths.
     */
    @ParameterizedTest(name = "every bar: {0}")
    @ValueSource(booleans = {true, false})
    void evaluatedOverColumnsTheLastRuleFiredIsTheOneARowAtATimeGives(boolean everyBar) {
        List<RuleDefinition> definitions = List.of(
                new RuleDefinition("cross", "crosses_above(sma_10, sma_50)", Side.BUY),
                new RuleDefinition("down", "crosses_below(sma_10, sma_50) or rsi_14 > 70", Side.SELL),
                new RuleDefinition("low", "rsi_14 < 30 and close > sma_50", Side.BUY),
                new RuleDefinition("calm", "not (rsi_14 >= 40 and rsi_14 <= 60) or crosses_below(close, 100)", Side.FLAT),
                new RuleDefinition("flat", "close == sma_10 or crosses_above(95, sma_50)", Side.FLAT),
                // Opposite crossings of one pair, apart and side by side: found in one pass over every bar.
                new RuleDefinition("under", "crosses_below(sma_10, sma_50)", Side.SELL),
                new RuleDefinition("close-up", "crosses_above(close, sma_50)", Side.BUY),
                new RuleDefinition("close-down", "crosses_above(sma_50, close)", Side.SELL));
        SignalRules rules = SignalRules.compile(definitions, COLUMNS);
        java.util.Random random = new java.util.Random(9);
        int bars = 3_000;
        // One array per column, bars 0..n-1 at an offset; warm-up NaNs and repeated values, as indicators have.
        double[] close = new double[bars];
        double[] packed = new double[10 + 3 * bars];
        for (int bar = 0; bar < bars; bar++) {
            close[bar] = 90 + random.nextInt(20);
            packed[10 + bar] = bar < 14 || random.nextInt(7) == 0 ? NA : random.nextInt(100);
            packed[10 + bars + bar] = bar < 10 ? NA : 95 + random.nextInt(10);
            packed[10 + 2 * bars + bar] = bar < 50 ? NA : 95 + random.nextInt(10);
        }
        // The rules are evaluated at most bars, not all (a repeated bar time is not evaluated).
        int[] evaluated = java.util.stream.IntStream.range(0, bars)
                .filter(bar -> everyBar || random.nextInt(6) != 0).toArray();
        BarColumns columns = new BarColumns(new double[][] {close, packed, packed, packed},
                new int[] {0, 10, 10 + bars, 10 + 2 * bars}, everyBar ? null : evaluated);
        int[] lastFired = new int[evaluated.length];
        rules.lastFired(columns, evaluated.length, lastFired, new byte[evaluated.length]);

        RuleMemory memory = rules.newMemory();
        int[] seen = new int[definitions.size()];
        for (int k = 0; k < evaluated.length; k++) {
            int bar = evaluated[k];
            double[] row = row(close[bar], packed[10 + bar], packed[10 + bars + bar], packed[10 + 2 * bars + bar]);
            List<SignalRules.Fired> fired = rules.evaluate(row, memory);
            int last = fired.isEmpty() ? -1 : definitions.indexOf(fired.get(fired.size() - 1).rule());
            assertThat(lastFired[k]).as("bar %d", bar).isEqualTo(last);
            if (last >= 0) {
                seen[last]++;
            }
        }
        assertThat(java.util.Arrays.stream(seen).min().getAsInt()).as("every rule decides somewhere").isGreaterThan(10);

        // The same, kept only where a rule fired (from a reused, non-empty Firings).
        Firings firings = new Firings();
        rules.firings(columns, 100, new byte[evaluated.length], firings);
        rules.firings(columns, evaluated.length, new byte[evaluated.length], firings);
        int[] sparse = new int[evaluated.length];
        java.util.Arrays.fill(sparse, -1);
        for (int f = 0; f < firings.size(); f++) {
            if (f > 0) {
                assertThat(firings.bar(f)).isGreaterThan(firings.bar(f - 1));
            }
            sparse[firings.bar(f)] = firings.rule(f);
        }
        assertThat(sparse).isEqualTo(lastFired);
    }

    /**
     * Slowly moving columns stay on one side of each other for hundreds of bars (which the column path
     * passes without looking for a crossing), with stretches where they are equal and gaps where one is
     * undefined: the crossings found over whole columns (a pair in one pass, a single crossing alone) are
     * those a row at a time gives.
     */
    @Test
    void crossingsOfSlowColumnsOverLongRunsAreTheOnesARowAtATimeGives() {
        List<RuleDefinition> definitions = List.of(
                new RuleDefinition("up", "crosses_above(sma_10, sma_50)", Side.BUY),
                new RuleDefinition("down", "crosses_below(sma_10, sma_50)", Side.SELL),
                new RuleDefinition("rsi-up", "crosses_above(rsi_14, sma_50)", Side.BUY));
        SignalRules rules = SignalRules.compile(definitions, COLUMNS);
        java.util.Random random = new java.util.Random(12);
        int bars = 20_000;
        double[] close = new double[bars];
        double[] rsi = new double[bars];
        double[] fast = new double[bars];
        double[] slow = new double[bars];
        for (int bar = 0; bar < bars; bar++) {
            close[bar] = 100;
            // Rounded to quarters, so that the two are now and then equal for a few bars.
            fast[bar] = bar < 9 ? NA : Math.round(4 * (100 + 6 * Math.sin(bar / 90.0) + random.nextGaussian() * 0.3)) / 4.0;
            slow[bar] = bar < 49 ? NA : Math.round(4 * (100 + 3 * Math.sin(bar / 400.0))) / 4.0;
            // Crossing the slow one every twenty-odd bars, undefined every 97th: now and then just before.
            rsi[bar] = bar < 14 || bar % 97 == 0 ? NA : slow[bar] + 0.5 * Math.sin(bar / 7.0);
        }
        BarColumns columns = new BarColumns(new double[][] {close, rsi, fast, slow}, new int[4], null);
        Firings firings = new Firings();
        rules.firings(columns, bars, new byte[bars], firings);

        // Firings keep the last rule that fired at a bar, as an account acts on it.
        RuleMemory memory = rules.newMemory();
        List<String> expected = new ArrayList<>();
        for (int bar = 0; bar < bars; bar++) {
            List<SignalRules.Fired> fired = rules.evaluate(row(close[bar], rsi[bar], fast[bar], slow[bar]), memory);
            if (!fired.isEmpty()) {
                expected.add(bar + " " + fired.get(fired.size() - 1).rule().id());
            }
        }
        List<String> found = new ArrayList<>();
        for (int f = 0; f < firings.size(); f++) {
            found.add(firings.bar(f) + " " + definitions.get(firings.rule(f)).id());
        }
        assertThat(expected).hasSizeGreaterThan(60)
                .anyMatch(e -> e.endsWith(" up")).anyMatch(e -> e.endsWith(" down")).anyMatch(e -> e.endsWith(" rsi-up"));
        assertThat(found).isEqualTo(expected);
    }

    @Test
    void firesWhenTheConditionBecomesTrueNotWhileItStaysTrue() {
        assertThat(firings("rsi_14 < 30",
                row(1, 40, 0, 0), row(1, 25, 0, 0), row(1, 20, 0, 0), row(1, 35, 0, 0), row(1, 29.9, 0, 0)))
                .containsExactly(1, 4);
    }

    @Test
    void aConditionOnAValueStillInItsLookbackIsUnknownNotFalse() {
        // not (rsi < 30) would be true on the first bars if "no value" counted as false.
        assertThat(firings("not rsi_14 < 30", row(1, NA, 0, 0), row(1, NA, 0, 0), row(1, 50, 0, 0), row(1, 60, 0, 0)))
                .containsExactly(2);
        assertThat(firings("rsi_14 < 30", row(1, NA, 0, 0), row(1, 20, 0, 0))).containsExactly(1);
    }

    @Test
    void crossesAboveNeedsLessOrEqualBeforeAndGreaterNowWithAllFourDefined() {
        assertThat(firings("crosses_above(sma_10, sma_50)",
                row(1, 0, NA, 5),    // 0: sma_10 undefined
                row(1, 0, 6, 5),     // 1: above, but t-1 undefined: no cross
                row(1, 0, 4, 5),     // 2: below
                row(1, 0, 5, 5),     // 3: equal (not above)
                row(1, 0, 5.1, 5),   // 4: a[t-1] <= b[t-1] and a[t] > b[t]: cross
                row(1, 0, 6, 5),     // 5: stays above: no new cross
                row(1, 0, 4, 5),     // 6
                row(1, 0, 7, 5)))    // 7: cross
                .containsExactly(4, 7);
    }

    @Test
    void crossesBelowIsTheMirrorImage() {
        assertThat(firings("crosses_below(sma_10, sma_50)",
                row(1, 0, 6, 5), row(1, 0, 5, 5), row(1, 0, 4.9, 5), row(1, 0, 3, 5), row(1, 0, 6, 5), row(1, 0, 4, 5)))
                .containsExactly(2, 5);
    }

    @Test
    void crossingsKeepTheirMemoryWhenAnotherPartOfTheConditionIsFalse() {
        // The and() must still evaluate the crossing on bar 1, or bar 2 would compare against bar 0.
        assertThat(firings("close > 2 and crosses_above(sma_10, sma_50)",
                row(1, 0, 4, 5), row(1, 0, 6, 5), row(3, 0, 7, 5)))
                .isEmpty();
    }

    @Test
    void andBindsTighterThanOrAndParenthesesOverrideIt() {
        double[] r = row(1, 50, 1, 2); // rsi_14 < 30 false; sma_10 < sma_50 true; close > 5 false
        assertThat(firings("rsi_14 < 30 and sma_10 < sma_50 or close > 5", r)).isEmpty();
        assertThat(firings("close > 5 or sma_10 < sma_50 and rsi_14 > 30", r)).containsExactly(0);
        assertThat(firings("(close > 5 or sma_10 < sma_50) and rsi_14 > 30", r)).containsExactly(0);
        assertThat(firings("NOT (close > 5) AND close >= 1 and close <= 1 and close == 1 and close != 2", r))
                .containsExactly(0);
    }

    @Test
    void reportsTheValuesTheConditionRead() {
        SignalRules rules = SignalRules.compile(
                List.of(new RuleDefinition("dip", "rsi_14 < 30 and close > sma_50", Side.BUY)), COLUMNS);
        List<SignalRules.Fired> fired = rules.evaluate(row(10, 20, 9, 8), rules.newMemory());
        assertThat(fired).singleElement().satisfies(f -> {
            assertThat(f.rule().id()).isEqualTo("dip");
            assertThat(f.inputs()).containsExactly(
                    org.assertj.core.api.Assertions.entry("close", 10.0),
                    org.assertj.core.api.Assertions.entry("rsi_14", 20.0),
                    org.assertj.core.api.Assertions.entry("sma_50", 8.0));
        });
    }

    @Test
    void mistakesNameTheRuleAndWhatIsWrong() {
        assertError("rsi_15 < 30", "rule 'r': unknown column 'rsi_15'; the job computes close, rsi_14, sma_10, sma_50");
        assertError("crosses_above(sma_10, sma_50", "rule 'r': expected ')' to close crosses_above(");
        assertError("rsi_14 30", "rule 'r': expected a comparison (<, <=, >, >=, ==, !=) at position 8");
        assertError("", "rule 'r': the condition is empty");
        assertError("rsi_14 < 30 close", "rule 'r': unexpected 'close'");
        assertError("(rsi_14 < 30", "rule 'r': expected a ')' to close the '(' at position 1");
        assertThatThrownBy(() -> SignalRules.compile(List.of(new RuleDefinition("a", "close > 1", Side.BUY),
                new RuleDefinition("a", "close > 2", Side.SELL)), COLUMNS))
                .hasMessage("rule 'a' is defined twice");
        assertThatThrownBy(() -> SignalRules.compile(List.of(new RuleDefinition("a", "close > 1", null)), COLUMNS))
                .hasMessage("rule 'a': no side; use buy, sell or flat");
    }

    private static void assertError(String when, String message) {
        assertThatThrownBy(() -> SignalRules.compile(List.of(new RuleDefinition("r", when, Side.BUY)), COLUMNS))
                .isInstanceOf(RuleSyntaxException.class)
                .hasMessageStartingWith(message);
    }
}
