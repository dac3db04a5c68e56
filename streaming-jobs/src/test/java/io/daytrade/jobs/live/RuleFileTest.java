package io.daytrade.jobs.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daytrade.schemas.Side;
import io.daytrade.signals.RuleDefinition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFileTest {

    @TempDir
    Path dir;

    @Test
    void readsYamlAndJson() throws IOException {
        Path yaml = Files.writeString(dir.resolve("r.yaml"), "rules:\n  - id: a\n    when: close > 1\n    side: Buy\n");
        Path json = Files.writeString(dir.resolve("r.json"), "{\"rules\": [{\"id\": \"a\", \"when\": \"close > 1\", \"side\": \"buy\"}]}");
        RuleDefinition expected = new RuleDefinition("a", "close > 1", Side.BUY);
        assertThat(RuleFile.read(yaml)).containsExactly(expected);
        assertThat(RuleFile.read(json)).containsExactly(expected);
    }

    @Test
    void theExampleRulesCompileAgainstTheDefaultIndicators() {
        assertThat(LiveAnalyticsJob.prepare(withRules(Paths.get("conf/rules.yaml"))).config().rules).isNotNull();
        assertThat(RuleFile.read(Paths.get("conf/rules.yaml"))).hasSize(5);
    }

    @Test
    void mistakesNameTheRule() throws IOException {
        assertError("rules:\n  - id: a\n    wen: close > 1\n    side: buy\n", ": rule 1: unknown key 'wen'; a rule has id, when and side");
        assertError("rules:\n  - id: a\n    when: close > 1\n    side: long\n", ": rule 'a': side must be buy, sell or flat, got 'long'");
        assertError("rules:\n  - id: a\n    side: buy\n", ": rule 'a': missing 'when'");
        assertError("rule:\n  - id: a\n", ": expected a top-level 'rules:' list of {id, when, side}");
        assertError("rules: [\n", ": not valid YAML or JSON at line");
    }

    private void assertError(String text, String message) throws IOException {
        Path file = Files.writeString(dir.resolve("rules.yaml"), text);
        assertThatThrownBy(() -> RuleFile.read(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + message);
    }

    private static LiveJobConfig withRules(Path rules) {
        LiveJobConfig config = new LiveJobConfig();
        config.rules = rules.toString();
        return config;
    }
}
