package io.daytrade.cli;

import io.daytrade.local.LocalFlinkCluster;
import io.daytrade.local.ProjectHome;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "cluster",
        description = "Start, stop or check a standalone Flink session cluster on this machine: a job manager and"
                + " task managers in their own JVMs, from the Maven classpath, on 127.0.0.1 only. The way to run"
                + " on one machine with several processes: jobs survive a task manager's death.",
        footer = {"", "Its configuration, logs (log/) and PIDs live in --dir (default work/flink). Submit jobs with",
                "bin/daytrade submit COMMAND ..., or --cluster on sweep, walk-forward and monte-carlo."})
final class ClusterCommand implements Callable<Integer> {

    enum Action { start, stop, status }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "start|stop|status", description = "What to do.")
    Action action;

    @Option(names = "--taskmanagers", defaultValue = "1", paramLabel = "N", description = "Task managers to start (default 1).")
    int taskManagers;

    @Option(names = "--slots", defaultValue = "2", paramLabel = "N", description = "Slots per task manager (default 2).")
    int slots;

    @Option(names = "--port", defaultValue = "8081", paramLabel = "PORT", description = "Web UI and REST port (default 8081).")
    int port;

    @Option(names = "--dir", paramLabel = "DIR", description = "Default: work/flink in the checkout.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path home = ProjectHome.find();
        Path clusterDir = directory(dir);
        Optional<LocalFlinkCluster> running = LocalFlinkCluster.running(home, clusterDir);
        switch (action) {
            case start -> {
                if (running.isPresent()) {
                    out.println("the cluster is already running; web UI at " + running.get().restUrl());
                    return ExitCodes.OK;
                }
                if (taskManagers < 1 || slots < 1) {
                    throw new UserError("--taskmanagers and --slots must be at least 1");
                }
                LocalFlinkCluster cluster;
                try {
                    cluster = LocalFlinkCluster.start(home, clusterDir, taskManagers, slots, port, Duration.ofSeconds(120));
                } catch (IOException e) {
                    throw new UserError(e.getMessage());
                }
                out.println("flink cluster running: web UI and REST at " + cluster.restUrl());
                describe(cluster, out);
            }
            case stop -> {
                if (running.isEmpty()) {
                    out.println("no cluster is running from " + clusterDir);
                    return ExitCodes.OK;
                }
                running.get().stop();
                out.println("flink cluster stopped");
            }
            case status -> {
                if (running.isEmpty()) {
                    out.println("no cluster is running from " + clusterDir);
                    return ExitCodes.JOB_FAILED;
                }
                out.println("flink cluster running: web UI and REST at " + running.get().restUrl());
                describe(running.get(), out);
                Map<String, String> jobs = running.get().rest().jobs();
                jobs.forEach((id, state) -> out.println("job " + id + ": " + state));
                if (jobs.isEmpty()) {
                    out.println("no jobs");
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    static Path directory(Path given) {
        return given != null ? given : ProjectHome.find().resolve("work").resolve("flink");
    }

    private static void describe(LocalFlinkCluster cluster, PrintWriter out) throws IOException {
        out.println("job manager pid " + cluster.jobManager().map(ProcessHandle::pid).orElse(-1L));
        List<ProcessHandle> taskManagers = cluster.taskManagers();
        out.println(taskManagers.size() + " task manager" + (taskManagers.size() == 1 ? "" : "s") + ", pids "
                + taskManagers.stream().map(p -> Long.toString(p.pid())).toList() + "; logs in " + cluster.directory().resolve("log"));
    }
}
