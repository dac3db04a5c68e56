package io.daytrade.jobs.kafka;

import io.daytrade.jobs.csv.CsvLayout;
import io.daytrade.jobs.csv.SourceLine;
import io.daytrade.jobs.csv.TickCsv;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;


/**
 * Sends a tick file to a topic, key = symbol, value = the tick in single-object encoding with its line
 * number as sequence (the same tie order the bounded jobs use), optionally at a steady rate. Lines that
 * cannot be parsed are reported and skipped; parseable ticks are sent as they are, since validating
 * them is the job's business (bad ones become dead letters there).
 */
public final class TickFileProducer {

    /** What was sent, and the lines that could not be. */
    public record Result(long sent, List<String> rejectedLines) {}

    private TickFileProducer() {}

    /** @param ratePerSecond ticks per second; 0 or less sends as fast as the broker takes them */
    public static Result produce(Path file, String topic, String bootstrapServers, Properties clientProperties,
            double ratePerSecond) throws IOException, InterruptedException {
        TickCsv ticks = new TickCsv(CsvLayout.forTicks(file));
        List<String> rejected = new ArrayList<>();
        try (TickSender sender = new TickSender(bootstrapServers, clientProperties, topic, ratePerSecond);
                BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine();
            long number = 1;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    sender.send(ticks.parse(new SourceLine(file.toString(), number, text)));
                } catch (IllegalArgumentException e) {
                    rejected.add(file + ":" + number + ": " + e.getMessage() + " (malformed)");
                }
            }
            try {
                sender.flush();
            } catch (RuntimeException e) {
                throw new IOException("sending to " + topic + " failed: " + e.getMessage(), e);
            }
            return new Result(sender.sent(), rejected);
        }
    }
}
