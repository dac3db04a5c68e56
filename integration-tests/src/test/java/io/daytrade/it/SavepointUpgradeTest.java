package io.daytrade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.daytrade.jobs.kafka.TickFileProducer;
import io.daytrade.jobs.live.LiveJobConfig;
import io.daytrade.local.ClusterSubmission;
import io.daytrade.local.FlinkRest;
import io.daytrade.local.ProjectHome;
import io.daytrade.schemas.Bar;
import io.daytrade.schemas.IndicatorValues;
import io.daytrade.schemas.Signal;

import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Savepoints on a real standalone cluster. The live job reads the first half of a tick stream and is
 * stopped with a savepoint; the second half is then read by jobs restored from it: the same job at
 * parallelism 1, 2, 3 and 4 (max parallelism fixed at 128), and an upgraded job (one more indicator,
 * one more signal rule, and a new build in which a state record has gained a field).
 */
class SavepointUpgradeTest {

    @RegisterExtension
    @Order(1)
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @RegisterExtension
    @Order(2)
    static final FlinkClusterExtension FLINK = new FlinkClusterExtension(2);

    private static final String INDICATORS = "sma(10),sma(30),rsi(14)";
    private static final String RULES = String.join("\n",
            "rules:",
            "  - id: fast-over-slow",
            "    when: crosses_above(sma_10, sma_30)",
            "    side: buy",
            "  - id: fast-under-slow",
            "    when: crosses_below(sma_10, sma_30)",
            "    side: sell",
            "");
    private static final String NEW_RULE = String.join("\n",
            "  - id: over-ema",
            "    when: crosses_above(close, ema_20)",
            "    side: buy",
            "");

    @TempDir
    static Path dir;
    static Path rules;
    static Path ticks;
    static String savepoint;

    /** The original job reads the first half of the ticks and is stopped with a savepoint; then the rest arrives. */
    @BeforeAll
    static void runTheOriginalJobAndTakeASavepoint() throws Exception {
        // About 200 minutes: 1-minute bars of 12 symbols, about 100 before the savepoint and 100 after.
        ticks = ClusterRuns.writeTicks(dir.resolve("ticks.csv"), new Random(7), 60_000, 12,
                ClusterRuns.at("2026-03-02T14:30:00Z"), 400);
        List<String> lines = Files.readAllLines(ticks);
        Path first = Files.write(dir.resolve("first.csv"), lines.subList(0, 30_001));
        List<String> rest = new ArrayList<>(List.of(lines.get(0)));
        rest.addAll(lines.subList(30_001, lines.size()));
        Path second = Files.write(dir.resolve("second.csv"), rest);
        rules = Files.writeString(dir.resolve("rules.yaml"), RULES);
        KAFKA.createTopics(4, "sp-ticks");
        for (String run : List.of("v1-", "p1-", "p2-", "p3-", "p4-", "v2-", "u2-")) {
            KAFKA.createTopics(2, run + "bars", run + "indicators", run + "signals", run + "dead-letters");
        }
        TickFileProducer.produce(first, "sp-ticks", KAFKA.bootstrapServers(), new Properties(), 0);

        String original = submit(config("v1-", 2, false, INDICATORS, rules), ClusterSubmission.jobJar());
        ClusterRuns.awaitConsumed(KAFKA.bootstrapServers(), "v1-group", "sp-ticks", Duration.ofSeconds(120));
        savepoint = FLINK.rest().stopWithSavepoint(original, dir.resolve("savepoints").toUri().toString(),
                Duration.ofSeconds(120));
        ClusterRuns.awaitState(FLINK.rest(), original, "FINISHED", Duration.ofSeconds(60));
        TickFileProducer.produce(second, "sp-ticks", KAFKA.bootstrapServers(), new Properties(), 0);
    }

    @Test
    void restoringAtParallelism1To4GivesTheSameOutputAsNotRescaling() throws Exception {
        for (int p = 1; p <= 4; p++) {
            runToTheEnd("p" + p + "-", p, INDICATORS, rules, ClusterSubmission.jobJar());
        }
        for (String output : ClusterRuns.OUTPUTS) {
            Map<String, List<String>> unrescaled = ClusterRuns.textBySymbol(read("p2-" + output), null);
            assertThat(unrescaled).as(output).isNotEmpty();
            for (int p : new int[] {1, 3, 4}) {
                assertThat(ClusterRuns.textBySymbol(read("p" + p + "-" + output), null)).as("%s at parallelism %d", output, p)
                        .isEqualTo(unrescaled);
            }
        }
        // Nothing lost or repeated across the savepoint: before + after equals one uninterrupted bounded run.
        Path bars = dir.resolve("bounded-bars.csv");
        assertThat(Cli.run("bars", "--ticks", ticks.toString(), "--interval", "1m", "--out", bars.toString()).exitCode()).isZero();
        List<String> expected = Files.readAllLines(bars).subList(1, Files.readAllLines(bars).size());
        List<String> live = new ArrayList<>();
        for (String run : List.of("v1-", "p2-")) {
            for (SpecificRecordBase record : read(run + "bars")) {
                Bar bar = (Bar) record;
                live.add(bar.getWindowStart().toEpochMilli() + "," + bar.getSymbol() + "," + bar.getOpen() + "," + bar.getHigh() + "," + bar.getLow() + "," + bar.getClose() + ","
                        + bar.getVolume() + "," + bar.getVwap() + "," + bar.getTickCount());
            }
        }
        assertThat(live).hasSizeGreaterThan(500).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void inspectStateShowsTheBarsInProgressIndicatorsAndRulesPerSymbol() throws Exception {
        Path config = config("inspect-", 2, false, INDICATORS, rules);
        Cli.Run inspect = Cli.run("inspect-state", Path.of(URI.create(savepoint)).toString(), "--config", config.toString());
        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        List<String> lines = inspect.out().lines().toList();
        // Stopped mid-stream: the bars in progress, with their ticks so far, are in the savepoint.
        assertThat(lines.stream().filter(l -> l.contains(" bars: "))).isNotEmpty().allMatch(l -> l.matches(
                "S\\d\\d bars: [1-9] open(; open 1m bar from \\S+: open \\S+ high \\S+ low \\S+ close \\S+, volume \\S+, [1-9]\\d* ticks)+"));
        assertThat(lines.stream().filter(l -> l.matches("S\\d\\d\\|1m indicators after the bar of .* sma_10=\\d.*"))).hasSize(12);
        assertThat(lines.stream().filter(l -> l.contains("|1m rules after the bar of ") && l.contains("fast-over-slow="))).hasSize(12);
        Cli.Run one = Cli.run("inspect-state", Path.of(URI.create(savepoint)).toString(), "--symbol", "S07", "--config",
                config.toString());
        assertThat(one.out().lines()).hasSize(3).allMatch(l -> l.startsWith("S07"));
    }

    @Test
    void anUpgradedJobKeepsItsStateAndWarmsUpWhatIsNew() throws Exception {
        Path upgradedRules = Files.writeString(dir.resolve("rules-v2.yaml"), RULES + NEW_RULE);
        Path upgradedJar = jarWithAFieldAddedToRuleMemory();
        runToTheEnd("v2-", 2, INDICATORS + ",ema(20)", upgradedRules, upgradedJar);
        runToTheEnd("u2-", 2, INDICATORS, rules, ClusterSubmission.jobJar());

        // The bars and the old indicators go on exactly as the unchanged job's.
        assertThat(ClusterRuns.textBySymbol(read("v2-bars"), null)).isEqualTo(ClusterRuns.textBySymbol(read("u2-bars"), null));
        var upgraded = ClusterRuns.bySymbol(read("v2-indicators"), null);
        var unchanged = ClusterRuns.bySymbol(read("u2-indicators"), null);
        assertThat(upgraded).hasSize(12);
        for (String symbol : upgraded.keySet()) {
            List<SpecificRecordBase> after = upgraded.get(symbol);
            assertThat(after).hasSameSizeAs(unchanged.get(symbol));
            List<Double> closes = new ArrayList<>();
            for (int i = 0; i < after.size(); i++) {
                IndicatorValues values = (IndicatorValues) after.get(i);
                IndicatorValues old = (IndicatorValues) unchanged.get(symbol).get(i);
                for (String column : List.of("sma_10", "sma_30", "rsi_14")) {
                    assertThat(values.getValues().get(column)).as("%s %s bar %d", symbol, column, i)
                            .isEqualTo(old.getValues().get(column));
                }
                // Kept state: the old indicators were warm from the first bar after the restore.
                if (i == 0) {
                    assertThat(values.getValues().get("sma_30")).as("%s sma_30 right after the restore", symbol).isNotNull();
                }
                // The new indicator starts its warm-up at the restore: 19 bars without a value, then TA-Lib's
                // EMA seeded with the mean of its first 20 closes.
                closes.add(values.getClose());
                Double ema = values.getValues().get("ema_20");
                if (i < 19) {
                    assertThat(ema).as("%s ema_20 bar %d", symbol, i).isNull();
                } else if (i == 19) {
                    assertThat(ema).isCloseTo(closes.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                            within(1e-9));
                }
            }
        }
        // The old rules fire as before; the new one only where the new indicator has values.
        List<String> oldRules = read("v2-signals").stream().map(s -> (Signal) s)
                .filter(s -> !s.getStrategyId().toString().equals("over-ema")).map(Signal::toString).sorted().toList();
        assertThat(oldRules).isEqualTo(read("u2-signals").stream().map(Object::toString).sorted().toList());
        assertThat(read("v2-signals").stream().map(s -> (Signal) s)
                .filter(s -> s.getStrategyId().toString().equals("over-ema"))).hasSizeGreaterThan(3);
    }

    /**
     * The job jar of a next release in which the signal rules' state record has gained a field with a
     * default, compiled here from the project's own source.
     */
    private static Path jarWithAFieldAddedToRuleMemory() throws Exception {
        Path source = ProjectHome.find().resolve("operators/src/main/java/io/daytrade/signals/RuleMemory.java");
        String evolved = Files.readString(source).replace("    public RuleMemory() {}",
                "    /** Added in the next release: how many bars the rules have seen. */\n"
                        + "    public long barsSeen = 0L;\n\n    public RuleMemory() {}");
        assertThat(evolved).contains("barsSeen");
        Path src = Files.createDirectories(dir.resolve("v2-src/io/daytrade/signals"));
        Files.writeString(src.resolve("RuleMemory.java"), evolved, StandardCharsets.UTF_8);
        Path classes = Files.createDirectories(dir.resolve("v2-classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int result = compiler.run(null, null, null, "-d", classes.toString(), "-cp",
                ClusterSubmission.jobJar().toString(), "--release", "17", src.resolve("RuleMemory.java").toString());
        assertThat(result).isZero();
        Path jar = dir.resolve("daytrade-job-next.jar");
        Files.copy(ClusterSubmission.jobJar(), jar, StandardCopyOption.REPLACE_EXISTING);
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            Path entry = zip.getPath("io/daytrade/signals/RuleMemory.class");
            assertThat(Files.exists(entry)).isTrue();
            try (OutputStream out = Files.newOutputStream(entry)) {
                Files.copy(classes.resolve("io/daytrade/signals/RuleMemory.class"), out);
            }
        }
        return jar;
    }

    private static Path config(String prefix, int parallelism, boolean toTheEnd, String indicators, Path ruleFile)
            throws Exception {
        LiveJobConfig config = LiveJobs.config(KAFKA.bootstrapServers(), prefix, dir);
        config.topics.ticks = "sp-ticks";
        config.kafka.groupId = prefix + "group";
        config.kafka.stopAtLatest = toTheEnd;
        config.indicators = indicators;
        config.rules = ruleFile.toString();
        config.parallelism = parallelism;
        config.maxParallelism = 128;
        config.checkpoints.interval = "1s";
        config.bars.idleTimeout = "10min";
        return ClusterRuns.jobFile(dir, config, prefix);
    }

    /**
     * Restores the savepoint into a job with these settings, lets it read every tick, and stops it with
     * a draining savepoint: the end of its input, every open bar closed. (A source restored from an
     * unbounded run stays unbounded, so the job cannot stop by itself.)
     */
    private static void runToTheEnd(String prefix, int parallelism, String indicators, Path ruleFile, Path jar)
            throws Exception {
        String job = submit(config(prefix, parallelism, false, indicators, ruleFile), jar);
        ClusterRuns.awaitState(FLINK.rest(), job, "RUNNING", Duration.ofSeconds(60));
        ClusterRuns.awaitConsumed(KAFKA.bootstrapServers(), prefix + "group", "sp-ticks", Duration.ofSeconds(120));
        FLINK.rest().stopWithSavepoint(job, dir.resolve("savepoints-" + prefix).toUri().toString(), true,
                Duration.ofSeconds(120));
        ClusterRuns.awaitState(FLINK.rest(), job, "FINISHED", Duration.ofSeconds(60));
    }

    private static String submit(Path config, Path jar) throws Exception {
        return ClusterSubmission.submit(FLINK.rest(), jar, List.of("live", "--config", config.toString()), null,
                savepoint, false);
    }

    private static List<SpecificRecordBase> read(String topic) {
        return ClusterRuns.read(KAFKA.bootstrapServers(), topic);
    }
}
