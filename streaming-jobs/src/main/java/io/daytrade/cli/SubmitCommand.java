package io.daytrade.cli;

import io.daytrade.local.ClusterSubmission;
import io.daytrade.local.FlinkRest;
import io.daytrade.local.LocalFlinkCluster;
import io.daytrade.local.ProjectHome;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "submit",
        description = "Submit a bin/daytrade command to the standalone cluster (bin/daytrade cluster start): the job"
                + " jar is uploaded and the command runs in the job manager, e.g."
                + " submit live --config job.yaml, or submit --from-savepoint DIR live ...",
        footer = {"", "Files the command reads or writes must be readable by the cluster's processes (on one",
                "machine, any local path). Prints the job id; bin/daytrade cluster status lists the jobs."})
final class SubmitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--parallelism", paramLabel = "N", description = "Default parallelism of the job.")
    Integer parallelism;

    @Option(names = "--from-savepoint", paramLabel = "PATH", description = "Start from this savepoint or checkpoint.")
    String savepoint;

    @Option(names = "--allow-non-restored-state",
            description = "Start even if the savepoint holds state of an operator the job no longer has.")
    boolean allowNonRestoredState;

    @Option(names = "--cluster-url", paramLabel = "URL", description = "REST address (default: the local cluster's).")
    String clusterUrl;

    @Option(names = "--dir", paramLabel = "DIR", description = "The local cluster's directory (default work/flink).")
    Path dir;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The bin/daytrade command and its options.")
    List<String> command;

    @Override
    public Integer call() throws Exception {
        FlinkRest rest = rest(clusterUrl, dir);
        String jobId = submit(rest, command, parallelism, savepoint, allowNonRestoredState);
        spec.commandLine().getOut().println("submitted job " + jobId + " (" + String.join(" ", command) + ")");
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** The cluster at {@code url}, or the local cluster recorded in {@code dir}. */
    static FlinkRest rest(String url, Path dir) throws IOException {
        if (url != null) {
            return new FlinkRest(url);
        }
        Path clusterDir = ClusterCommand.directory(dir);
        return LocalFlinkCluster.running(ProjectHome.find(), clusterDir)
                .orElseThrow(() -> new UserError("no cluster is running from " + clusterDir
                        + "; start one with bin/daytrade cluster start, or give --cluster-url"))
                .rest();
    }

    /** Uploads the job jar and runs {@code arguments} as a bin/daytrade command; returns the job id. */
    static String submit(FlinkRest rest, List<String> arguments, Integer parallelism, String savepoint,
            boolean allowNonRestoredState) {
        try {
            return ClusterSubmission.submit(rest, arguments, parallelism, savepoint, allowNonRestoredState);
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
    }
}
