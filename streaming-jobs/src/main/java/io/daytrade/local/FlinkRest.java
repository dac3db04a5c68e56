package io.daytrade.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The parts of Flink's REST API that {@code bin/daytrade} and the tests use against a standalone cluster:
 * upload and run the job jar, follow a job, take savepoints, cancel. Errors carry Flink's own message.
 */
public final class FlinkRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public FlinkRest(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** How to start a job from an uploaded jar. */
    public record Run(String entryClass, List<String> arguments, Integer parallelism, String savepointPath,
            boolean allowNonRestoredState) {}

    public int taskManagers() throws IOException {
        return get("/taskmanagers").path("taskmanagers").size();
    }

    /** Total and available slots of the cluster. */
    public int[] slots() throws IOException {
        JsonNode overview = get("/overview");
        return new int[] {overview.path("slots-total").asInt(), overview.path("slots-available").asInt()};
    }

    /** Uploads a jar; returns its id for {@link #run}. */
    public String upload(Path jar) throws IOException {
        String boundary = "----daytrade" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(jar));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(base + "/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), "upload " + jar.getFileName());
        String file = answer.path("filename").asText();
        return file.substring(file.lastIndexOf('/') + 1);
    }

    /** Runs the program of an uploaded jar in the job manager; returns the id of the job it submitted. */
    public String run(String jarId, Run run) throws IOException {
        ObjectNode request = JSON.createObjectNode();
        request.put("entryClass", run.entryClass());
        request.putPOJO("programArgsList", run.arguments());
        if (run.parallelism() != null) {
            request.put("parallelism", run.parallelism());
        }
        if (run.savepointPath() != null) {
            request.put("savepointPath", run.savepointPath());
            request.put("allowNonRestoredState", run.allowNonRestoredState());
        }
        return post("/jars/" + jarId + "/run", request, "run " + run.arguments()).path("jobid").asText();
    }

    /** RUNNING, FINISHED, FAILED, CANCELED, RESTARTING, ... */
    public String state(String jobId) throws IOException {
        return get("/jobs/" + jobId).path("state").asText();
    }

    /** One subtask of a job as the job manager sees it: which attempt of it runs, and in what state. */
    public record Subtask(String vertex, int index, int attempt, String status) {}

    /**
     * Every subtask of the job with its current attempt. A restart after a failure shows as higher attempt
     * numbers, which tells a finished recovery apart from a job that is RUNNING again (a second after the
     * failure) while its tasks still wait for slots of a task manager that is starting.
     */
    public List<Subtask> subtasks(String jobId) throws IOException {
        List<Subtask> subtasks = new ArrayList<>();
        for (JsonNode vertex : get("/jobs/" + jobId).path("vertices")) {
            String id = vertex.path("id").asText();
            for (JsonNode subtask : get("/jobs/" + jobId + "/vertices/" + id).path("subtasks")) {
                subtasks.add(new Subtask(id, subtask.path("subtask").asInt(), subtask.path("attempt").asInt(),
                        subtask.path("status").asText()));
            }
        }
        return subtasks;
    }

    /** The job's user accumulators by name (values as Flink reports them, as text). */
    public Map<String, String> accumulators(String jobId) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode accumulator : get("/jobs/" + jobId + "/accumulators").path("user-task-accumulators")) {
            values.put(accumulator.path("name").asText(), accumulator.path("value").asText());
        }
        return values;
    }

    /** A job-level metric, e.g. {@code numRestarts}; null if the job does not report it (yet). */
    public String jobMetric(String jobId, String name) throws IOException {
        for (JsonNode metric : get("/jobs/" + jobId + "/metrics?get=" + name)) {
            if (metric.path("id").asText().equals(name)) {
                return metric.path("value").asText();
            }
        }
        return null;
    }

    /** Completed checkpoints of the job so far. */
    public int completedCheckpoints(String jobId) throws IOException {
        return get("/jobs/" + jobId + "/checkpoints").path("counts").path("completed").asInt();
    }

    /** Ids and states of every job the cluster knows. */
    public Map<String, String> jobs() throws IOException {
        Map<String, String> jobs = new LinkedHashMap<>();
        for (JsonNode job : get("/jobs/overview").path("jobs")) {
            jobs.put(job.path("jid").asText(), job.path("state").asText() + " " + job.path("name").asText());
        }
        return jobs;
    }

    /** Stops the job with a savepoint in {@code directory} and returns the savepoint's path. */
    public String stopWithSavepoint(String jobId, String directory, Duration timeout) throws IOException, InterruptedException {
        return stopWithSavepoint(jobId, directory, false, timeout);
    }

    /**
     * @param drain first advance event time to the end (close every open bar), as for a job that will not
     *     be resumed; without it the savepoint keeps the bars in progress for the job that resumes
     */
    public String stopWithSavepoint(String jobId, String directory, boolean drain, Duration timeout)
            throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode();
        request.put("targetDirectory", directory);
        request.put("drain", drain);
        String trigger = post("/jobs/" + jobId + "/stop", request, "stop " + jobId).path("request-id").asText();
        return awaitSavepoint(jobId, trigger, timeout);
    }

    /** Takes a savepoint of the running job in {@code directory} and returns its path. */
    public String savepoint(String jobId, String directory, Duration timeout) throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode();
        request.put("target-directory", directory);
        request.put("cancel-job", false);
        String trigger = post("/jobs/" + jobId + "/savepoints", request, "savepoint " + jobId).path("request-id").asText();
        return awaitSavepoint(jobId, trigger, timeout);
    }

    /** The first line of the job's root exception, or null. */
    public String failure(String jobId) throws IOException {
        JsonNode root = get("/jobs/" + jobId + "/exceptions").path("root-exception");
        return root.isMissingNode() || root.isNull() ? null : root.asText().lines().findFirst().orElse(null);
    }

    public void cancel(String jobId) throws IOException {
        send(HttpRequest.newBuilder(URI.create(base + "/jobs/" + jobId + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()), "cancel " + jobId);
    }

    private String awaitSavepoint(String jobId, String trigger, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = get("/jobs/" + jobId + "/savepoints/" + trigger);
            if (status.path("status").path("id").asText().equals("COMPLETED")) {
                JsonNode operation = status.path("operation");
                if (operation.has("failure-cause")) {
                    throw new IOException("the savepoint failed: "
                            + operation.path("failure-cause").path("stack-trace").asText().lines().findFirst().orElse("?"));
                }
                return operation.path("location").asText();
            }
            Thread.sleep(250);
        }
        throw new IOException("the savepoint did not complete within " + timeout.toSeconds() + " s");
    }

    private JsonNode get(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), "GET " + path);
    }

    private JsonNode post(String path, JsonNode body, String what) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), what);
    }

    private JsonNode send(HttpRequest.Builder request, String what) throws IOException {
        HttpResponse<String> response;
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        try {
            try {
                response = http.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
                    throw e;
                }
                // A kept-alive connection the server had already closed: the request never reached it.
                response = http.send(built, HttpResponse.BodyHandlers.ofString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(what + ": interrupted", e);
        } catch (IOException e) {
            throw new IOException("no Flink cluster answers at " + base + " (" + e.getClass().getSimpleName() + ")", e);
        }
        String body = response.body();
        if (response.statusCode() >= 400) {
            String message = body;
            try {
                JsonNode errors = JSON.readTree(body).path("errors");
                if (errors.isArray() && !errors.isEmpty()) {
                    message = errors.get(0).asText().lines().filter(l -> !l.isBlank()).limit(3)
                            .reduce((a, b) -> a + " " + b).orElse(body);
                }
            } catch (IOException ignored) {
                // Not JSON: the body as it is.
            }
            throw new IOException(what + " failed (HTTP " + response.statusCode() + "): " + message);
        }
        return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    }
}
