package io.daytrade.cli;

import io.daytrade.operators.sweep.SweepProgress;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;

/**
 * Follows a submitted bounded job to its end, drawing its progress from the job's accumulators
 * ({@link SweepProgress}), which a local cluster and a remote one report alike.
 */
final class JobProgress {

    private static final long POLL_MILLIS = 250;

    private JobProgress() {}

    /**
     * Waits for the job to finish, drawing {@code bar} meanwhile.
     *
     * @param knownTotal the work to do if the client knows it, else 0 (the job then counts it)
     *
     * @return the result, or null when the client cannot follow the job (submitted from the web UI or a
     *     Kubernetes session job, where the program must not wait)
     * @throws Exception the job's failure
     */
    static JobExecutionResult follow(JobClient client, ProgressBar bar, long knownTotal) throws Exception {
        CompletableFuture<JobExecutionResult> result;
        try {
            result = client.getJobExecutionResult();
        } catch (RuntimeException e) {
            if (isDetached(e)) {
                return null;
            }
            throw e;
        }
        try {
            while (!result.isDone()) {
                Map<String, Object> accumulators = client.getAccumulators().get(10, TimeUnit.SECONDS);
                long planned = count(accumulators.get(SweepProgress.PLANNED));
                bar.update(count(accumulators.get(SweepProgress.DONE)), planned > 0 ? planned : knownTotal);
                Thread.sleep(POLL_MILLIS);
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // No more progress to draw; the job's own result tells how it ends.
        }
        JobExecutionResult done = result.get();
        Map<String, Object> accumulators = done.getAllAccumulatorResults();
        bar.update(count(accumulators.get(SweepProgress.DONE)), count(accumulators.get(SweepProgress.DONE)));
        bar.finish();
        return done;
    }

    private static boolean isDetached(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Web Submission")) {
                return true;
            }
        }
        return false;
    }

    private static long count(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
