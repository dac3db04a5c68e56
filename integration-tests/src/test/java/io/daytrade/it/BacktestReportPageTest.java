package io.daytrade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.daytrade.indicators.SharedData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html in a real headless Chromium (Debian's package; .ci/run installs it): it loads without a
 * console message, and its script has drawn every chart and every trade marker.
 */
class BacktestReportPageTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    @Test
    void theReportRendersItsChartsWithoutConsoleErrors(@TempDir Path dir) throws Exception {
        requireChromium();
        Path input = IndicatorsCommandTest.interleave(dir.resolve("bars.csv"),
                List.of(SharedData.real("sectors-daily.csv")), List.of("XLE", "XLK", "XLF"));
        Path out = dir.resolve("report");
        Cli.Run run = Cli.run("backtest", "--bars", input.toString(), "--strategy", "sma_cross(fast=10,slow=50)",
                "--periods-per-year", "252", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        int trades = Files.readAllLines(out.resolve("trades.csv")).size() - 1;
        assertThat(trades).isPositive();

        Page page = load(out.resolve("report.html"));
        assertThat(page.console()).as("console output").isEmpty();
        assertThat(page.dom()).contains("data-rendered=\"9\"");
        assertThat(count(page.dom(), "class=\"series\"")).isEqualTo(9);
        assertThat(count(page.dom(), "class=\"marker\"")).isEqualTo(2 * trades);
        Matcher points = Pattern.compile("points=\"([^\"]+)\" fill=\"none\"").matcher(page.dom());
        assertThat(points.find()).isTrue();
        assertThat(points.group(1).split(" ").length).as("points in the first line").isGreaterThan(600);
        assertThat(page.dom()).contains("<th>aggregate</th>").contains("<td>total_return</td>");
    }

    @Test
    void aBrokenPageIsCaught(@TempDir Path dir) throws Exception {
        requireChromium();
        // The check above must be able to fail: a script error shows in the console and nothing renders.
        Path broken = Files.writeString(dir.resolve("broken.html"),
                "<html><body><script>const data = JSON.parse('{not json'); document.body.dataset.rendered = '9';"
                        + "</script></body></html>");
        Page page = load(broken);
        assertThat(page.console()).isNotEmpty();
        assertThat(page.dom()).doesNotContain("data-rendered");
    }

    private static void requireChromium() {
        if (System.getenv("CI") != null) {
            assertThat(CHROMIUM).as("CI installs Debian's chromium in .ci/run").exists();
        }
        assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is not installed: apt-get install chromium");
    }

    record Page(String dom, List<String> console) {}

    /**
     * Loads a page in headless Chromium and returns its DOM after its scripts ran, and its console lines.
     * The profile is not in the test's @TempDir: Chromium's helper processes may outlive the browser briefly.
     */
    private static Page load(Path html) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("daytrade-chromium-");
        Path err = Files.createTempFile("chromium", ".log");
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                "--dump-dom", html.toUri().toString())
                .redirectError(err.toFile())
                .start();
        String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertThat(chromium.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        } finally {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
        }
        List<String> console = Files.readAllLines(err).stream().filter(line -> line.contains(":CONSOLE")).toList();
        Files.deleteIfExists(err);
        LiveJobs.deleteQuietly(profile);
        return new Page(dom, console);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
