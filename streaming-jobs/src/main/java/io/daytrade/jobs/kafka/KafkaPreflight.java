package io.daytrade.jobs.kafka;

import io.daytrade.jobs.live.ConfigException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Checks, before a job starts, that the brokers answer and the topics exist: one line if not. */
public final class KafkaPreflight {

    private KafkaPreflight() {}

    public static void check(String bootstrapServers, Properties clientProperties, List<String> topics, Duration timeout) {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 5000));
        try (Admin admin = Admin.create(properties)) {
            Set<String> existing;
            try {
                admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                throw new ConfigException("cannot reach the Kafka brokers at " + bootstrapServers + " within "
                        + timeout.toSeconds() + " s; check --bootstrap-servers and the security settings"
                        + " (for a local broker: bin/daytrade kafka start)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConfigException("interrupted while checking the Kafka brokers");
            }
            List<String> missing = new ArrayList<>();
            for (String topic : topics) {
                if (!existing.contains(topic) && !missing.contains(topic)) {
                    missing.add(topic);
                }
            }
            if (!missing.isEmpty()) {
                throw new ConfigException("topic" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                        + (missing.size() > 1 ? " do" : " does") + " not exist on " + bootstrapServers
                        + "; create " + (missing.size() > 1 ? "them" : "it") + " or set topics.* in the job configuration");
            }
        }
    }
}
