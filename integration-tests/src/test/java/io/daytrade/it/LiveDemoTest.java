package io.daytrade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.daytrade.local.Ports;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@code bin/daytrade demo} for a bounded time: it starts its own broker and embedded cluster (so no
 * MiniClusterExtension here), its web UI answers with the job RUNNING, signals arrive, and when it ends
 * neither the broker process nor the ports are left behind.
 */
class LiveDemoTest {

    @Test
    void runsTheLivePipelineWithItsWebUiAndLeavesNothingBehind() throws Exception {
        int webUi = Ports.anyFree();
        CompletableFuture<Cli.Run> demo = CompletableFuture.supplyAsync(
                () -> Cli.run("demo", "--duration", "35", "--rate", "800", "--web-ui-port", Integer.toString(webUi)));

        String overview = awaitRunningJob(webUi, demo);
        assertThat(overview).contains("\"name\":\"daytrade live analytics\"").contains("\"state\":\"RUNNING\"");
        awaitMetrics(webUi, overview, List.of("ticksInPerSecond", "deadLetters_malformed", "barsOut",
                "barLatencyMs", "tickToIndicatorsMs", "eventTimeLagMs", "signalsOut"));

        Cli.Run run = demo.get(120, TimeUnit.SECONDS);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("web UI:     http://127.0.0.1:" + webUi);
        Matcher received = Pattern.compile("received (\\d+) signals").matcher(run.out());
        assertThat(received.find()).as(run.out()).isTrue();
        assertThat(Integer.parseInt(received.group(1))).isPositive();

        Matcher broker = Pattern.compile("kafka: +127\\.0\\.0\\.1:(\\d+) \\(pid (\\d+)\\)").matcher(run.out());
        assertThat(broker.find()).as(run.out()).isTrue();
        long pid = Long.parseLong(broker.group(2));
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("broker pid %d", pid).isFalse();
        assertThat(Ports.isFree(Integer.parseInt(broker.group(1)))).isTrue();
        assertThat(Ports.isFree(webUi)).isTrue();
    }

    private static String awaitRunningJob(int port, CompletableFuture<Cli.Run> demo) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/jobs/overview"))
                .timeout(Duration.ofSeconds(5)).build();
        return await("a RUNNING job in the web UI").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class) // the cluster is still starting
                .failFast(() -> {
                    if (demo.isDone()) {
                        throw new AssertionError("the demo ended: " + demo.get().out() + demo.get().err());
                    }
                })
                .until(() -> {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 200 ? response.body() : "HTTP " + response.statusCode();
                }, overview -> overview.contains("\"state\":\"RUNNING\""));
    }

    /** Waits until every metric name shows up among the job's vertex metrics in the REST API. */
    private static void awaitMetrics(int port, String overview, List<String> names) throws Exception {
        Matcher jid = Pattern.compile("\"jid\":\"([0-9a-f]+)\"").matcher(overview);
        assertThat(jid.find()).isTrue();
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port + "/jobs/" + jid.group(1);
        String job = http.send(HttpRequest.newBuilder(URI.create(base)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher vertex = Pattern.compile("\"id\":\"([0-9a-f]{32})\"").matcher(job);
        List<String> vertices = new ArrayList<>();
        while (vertex.find()) {
            vertices.add(vertex.group(1));
        }
        // Histograms appear as name_mean, name_p99, ...: match the name, not the whole id.
        await("metrics " + names).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    StringBuilder metrics = new StringBuilder();
                    for (String id : vertices) {
                        metrics.append(http.send(HttpRequest.newBuilder(URI.create(base + "/vertices/" + id + "/metrics"))
                                .build(), HttpResponse.BodyHandlers.ofString()).body());
                    }
                    return metrics.toString();
                }, all -> names.stream().allMatch(name -> all.contains("." + name)));
    }
}
