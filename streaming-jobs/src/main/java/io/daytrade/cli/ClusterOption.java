package io.daytrade.cli;

import picocli.CommandLine.Option;

/** {@code --cluster [URL]}: run a research command's job on a standalone cluster instead of the embedded one. */
final class ClusterOption {

    static final String LOCAL = "local";

    @Option(names = "--cluster", arity = "0..1", fallbackValue = LOCAL, paramLabel = "URL",
            description = "Run the job on the standalone cluster (bin/daytrade cluster start), or the one whose REST"
                    + " address is URL, instead of the embedded one. Paths must be readable by its processes.")
    String cluster;

    boolean enabled() {
        return cluster != null;
    }

    /** The REST address given, or null for the local cluster. */
    String url() {
        return LOCAL.equals(cluster) ? null : cluster;
    }
}
