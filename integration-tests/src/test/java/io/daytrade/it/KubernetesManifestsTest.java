package io.daytrade.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.daytrade.indicators.SharedData;
import io.daytrade.jobs.live.ConfigLoader;
import io.daytrade.jobs.live.LiveAnalyticsJob;
import io.daytrade.jobs.live.LiveJobConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.HighAvailabilityOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.util.TimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manifests under k8s/, checked offline (no cluster runs here): rendered with kubectl's kustomize,
 * validated against the Flink Kubernetes Operator's CRD schemas, their Flink configuration parsed with
 * Flink's own classes, and searched for secret literals.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Paths.get("..", "k8s").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, JsonNode> SCHEMAS = loadSchemas();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyFlinkResourceValidatesAgainstTheOperatorCrds(String kustomization) throws Exception {
        List<JsonNode> documents = render(kustomization);
        int validated = 0;
        for (JsonNode document : documents) {
            String kind = document.path("kind").asText();
            if (SCHEMAS.containsKey(kind)) {
                assertThat(problems(document)).as("%s %s in %s", kind, name(document), kustomization).isEmpty();
                validated++;
            }
        }
        assertThat(validated).as("FlinkDeployments and FlinkSessionJobs in %s", kustomization).isEqualTo(5);
    }

    @Test
    void theOnDemandSnapshotsValidateToo() throws Exception {
        try (Stream<Path> files = Files.list(K8S.resolve("snapshots"))) {
            List<Path> snapshots = files.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertThat(snapshots).isNotEmpty();
            for (Path file : snapshots) {
                JsonNode snapshot = YAML.readTree(file.toFile());
                assertThat(snapshot.path("kind").asText()).isEqualTo("FlinkStateSnapshot");
                assertThat(problems(snapshot)).as(file.toString()).isEmpty();
                JsonNode reference = snapshot.path("spec").path("jobReference");
                assertThat(ofKind(render("base"), reference.path("kind").asText()))
                        .extracting(KubernetesManifestsTest::name).contains(reference.path("name").asText());
            }
        }
    }

    @Test
    void aBrokenManifestFails() throws Exception {
        JsonNode live = find(render("base"), "FlinkDeployment", "daytrade-live");

        ObjectNode badEnum = live.deepCopy();
        ((ObjectNode) badEnum.path("spec").path("job")).put("upgradeMode", "sometimes");
        assertThat(problems(badEnum)).anySatisfy(p -> assertThat(p).contains("upgradeMode"));

        ObjectNode badVersion = live.deepCopy();
        ((ObjectNode) badVersion.path("spec")).put("flinkVersion", "v9_9");
        assertThat(problems(badVersion)).anySatisfy(p -> assertThat(p).contains("flinkVersion"));

        ObjectNode badType = live.deepCopy();
        ((ObjectNode) badType.path("spec").path("job")).put("parallelism", "two");
        assertThat(problems(badType)).anySatisfy(p -> assertThat(p).contains("parallelism"));

        // The API server would silently drop a misspelt field; the test does not.
        ObjectNode typo = live.deepCopy();
        ((ObjectNode) typo.path("spec")).putObject("jobb").put("parallelism", 2);
        assertThat(problems(typo)).anySatisfy(p -> assertThat(p).contains("$.spec.jobb"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void theFlinkConfigurationParsesWithFlinksClassesAndHasWhatTheJobNeeds(String kustomization) throws Exception {
        for (JsonNode deployment : ofKind(render(kustomization), "FlinkDeployment")) {
            Map<String, String> settings = new HashMap<>();
            deployment.path("spec").path("flinkConfiguration").fields()
                    .forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
            Configuration conf = Configuration.fromMap(settings);
            String what = kustomization + " " + name(deployment);
            assertThat(conf.get(StateBackendOptions.STATE_BACKEND)).as(what).isEqualTo("rocksdb");
            assertThat(conf.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).as(what).isTrue();
            assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).as(what).startsWith("s3://");
            assertThat(conf.get(CheckpointingOptions.SAVEPOINT_DIRECTORY)).as(what).startsWith("s3://");
            assertThat(conf.get(PipelineOptions.GENERIC_TYPES)).as(what).isFalse();
            settings.forEach((key, value) -> {
                if (Pattern.compile("(interval|timeout|window|backoff|min-pause)$").matcher(key).find()) {
                    assertThat(TimeUtils.parseDuration(value)).as("%s %s", what, key).isPositive();
                }
            });
            if (name(deployment).equals("daytrade-live")) {
                assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofSeconds(10));
                assertThat(deployment.path("spec").path("job").path("upgradeMode").asText()).isEqualTo("savepoint");
            }
            if (name(deployment).equals("daytrade-session")) {
                // Every job run on a session cluster leaves its classes behind (README, cluster): room for dozens.
                assertThat(conf.get(JobManagerOptions.JVM_METASPACE).getMebiBytes()).as(what).isGreaterThanOrEqualTo(512);
                assertThat(conf.get(TaskManagerOptions.JVM_METASPACE).getMebiBytes()).as(what).isGreaterThanOrEqualTo(512);
                // Bounded jobs only: the throughput collector, as bin/daytrade gives its backtest commands.
                assertThat(conf.get(CoreOptions.FLINK_TM_JVM_OPTIONS)).as(what)
                        .contains("-XX:+UseParallelGC", "-XX:-UseAdaptiveSizePolicy");
            } else {
                assertThat(conf.get(CoreOptions.FLINK_TM_JVM_OPTIONS)).as(what).doesNotContain("UseParallelGC");
            }
            if (kustomization.endsWith("prod")) {
                assertThat(conf.get(HighAvailabilityOptions.HA_MODE)).as(what).isEqualTo("kubernetes");
                assertThat(conf.get(HighAvailabilityOptions.HA_STORAGE_PATH)).as(what).startsWith("s3://");
                assertThat(deployment.path("spec").path("jobManager").path("replicas").asInt()).isEqualTo(2);
            }
        }
    }

    @Test
    void theMountedJobConfigurationIsValidAndAgreesWithTheDeployment() throws Exception {
        LiveJobConfig config = ConfigLoader.load(K8S.resolve("base/config/job.yaml"),
                name -> name.equals("KAFKA_JAAS_CONFIG") ? "org.example.Login required;" : null);
        LiveAnalyticsJob job = LiveAnalyticsJob.prepare(config);
        assertThat(job.indicatorColumns()).contains("sma_10", "sma_50", "rsi_14");

        JsonNode live = find(render("base"), "FlinkDeployment", "daytrade-live");
        assertThat(config.checkpoints.dir)
                .isEqualTo(live.path("spec").path("flinkConfiguration").path("execution.checkpointing.dir").asText());
        JsonNode container = live.path("spec").path("podTemplate").path("spec").path("containers").get(0);
        assertThat(container.path("volumeMounts").get(0).path("mountPath").asText()).isEqualTo("/opt/daytrade/conf");
        assertThat(live.path("spec").path("job").path("args").toString()).contains("/opt/daytrade/conf/job.yaml");
        String configMap = live.path("spec").path("podTemplate").path("spec").path("volumes").get(0)
                .path("configMap").path("name").asText();
        assertThat(ofKind(render("base"), "ConfigMap")).extracting(KubernetesManifestsTest::name).contains(configMap);
    }

    @Test
    void noSecretLiteralAppearsInAnyManifest() throws Exception {
        Pattern literal = Pattern.compile(
                "(?i)(AKIA[0-9A-Z]{16}|password\\s*[:=]\\s*[^\\s$]|secret-key\\s*:\\s*\\S|access-key\\s*:\\s*\\S|"
                        + "s3\\.(access|secret)-key|BEGIN [A-Z ]*PRIVATE KEY)");
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                text.lines().filter(line -> !line.strip().startsWith("#"))
                        .forEach(line -> assertThat(literal.matcher(line).find()).as("%s: %s", file, line).isFalse());
            }
        }
        for (String kustomization : List.of("base", "overlays/dev", "overlays/prod")) {
            for (JsonNode document : render(kustomization)) {
                for (JsonNode env : document.findValues("env")) {
                    for (JsonNode variable : env) {
                        if (variable.path("name").asText().matches("(?i).*(SECRET|PASSWORD|KEY|JAAS|TOKEN).*")) {
                            assertThat(variable.has("value")).as("%s env %s", name(document), variable).isFalse();
                            assertThat(variable.path("valueFrom").has("secretKeyRef")).isTrue();
                        }
                    }
                }
                assertThat(document.path("kind").asText()).isNotEqualTo("Secret");
            }
        }
    }

    /** Schema violations, and fields the schema does not know (which the API server would drop). */
    private static List<String> problems(JsonNode document) {
        JsonNode schema = SCHEMAS.get(document.path("kind").asText());
        JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : validator.validate(document)) {
            problems.add(message.getMessage());
        }
        unknownFields(document, schema, "$", problems);
        return problems;
    }

    private static void unknownFields(JsonNode value, JsonNode schema, String path, List<String> problems) {
        if (schema == null || schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            return;
        }
        if (value.isObject()) {
            JsonNode properties = schema.get("properties");
            JsonNode additional = schema.get("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = path + "." + field.getKey();
                if (path.equals("$") && List.of("apiVersion", "kind", "metadata").contains(field.getKey())) {
                    continue; // every Kubernetes object has these; CRD schemas leave them out
                }
                if (properties != null && properties.has(field.getKey())) {
                    unknownFields(field.getValue(), properties.get(field.getKey()), child, problems);
                } else if (additional != null && additional.isObject()) {
                    unknownFields(field.getValue(), additional, child, problems);
                } else if (properties != null) {
                    problems.add(child + ": unknown field");
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                unknownFields(value.get(i), schema.get("items"), path + "[" + i + "]", problems);
            }
        }
    }

    private static List<JsonNode> render(String kustomization) throws IOException, InterruptedException {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", K8S.resolve(kustomization).toString())
                .redirectErrorStream(true).start();
        String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).as(output).isZero();
        List<JsonNode> documents = new ArrayList<>();
        YAML.readerFor(JsonNode.class).readValues(output).forEachRemaining(node -> documents.add((JsonNode) node));
        return documents;
    }

    private static List<JsonNode> ofKind(List<JsonNode> documents, String kind) {
        return documents.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    private static JsonNode find(List<JsonNode> documents, String kind, String name) {
        return ofKind(documents, kind).stream().filter(d -> name(d).equals(name)).findFirst().orElseThrow();
    }

    private static String name(JsonNode document) {
        return document.path("metadata").path("name").asText();
    }

    /** kind -> the openAPIV3Schema of the CRD version the manifests use (v1beta1). */
    private static Map<String, JsonNode> loadSchemas() {
        Map<String, JsonNode> schemas = new HashMap<>();
        try (Stream<Path> files = Files.list(SharedData.shared("k8s-crds"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yml")).toList()) {
                JsonNode crd = YAML.readTree(file.toFile());
                for (JsonNode version : crd.path("spec").path("versions")) {
                    if (version.path("name").asText().equals("v1beta1")) {
                        schemas.put(crd.path("spec").path("names").path("kind").asText(),
                                version.path("schema").path("openAPIV3Schema"));
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(schemas).containsKeys("FlinkDeployment", "FlinkSessionJob", "FlinkStateSnapshot");
        return schemas;
    }
}
