package io.daytrade.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.daytrade.schemas.DeadLetter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Files of a report in a directory given as a path or URI ({@code /data/out}, {@code s3://bucket/out}),
 * written through Flink's file systems so a job writes them the same on a laptop and on a cluster.
 */
public final class ReportFiles {

    private static final int FIRST_REJECTED = 20;
    private static final int BUFFER_CHARS = 1 << 16;
    /** By source, then position (unknown last): the order the records came in. */
    private static final Comparator<DeadLetter> IN_INPUT_ORDER = Comparator
            .comparing((DeadLetter d) -> d.getSource().toString())
            .thenComparing(d -> d.getPosition() == null ? Long.MAX_VALUE : d.getPosition());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public ReportFiles(String dir) {
        this.dir = new Path(dir);
    }

    /** What goes into a file, written as it is made. */
    @FunctionalInterface
    public interface Body {
        void writeTo(Writer out) throws IOException;
    }

    public void text(String name, String content) throws IOException {
        text(name, out -> out.write(content));
    }

    /**
     * A file written through a buffer as {@code body} makes it, in UTF-8. A sweep's results.csv is tens of
     * megabytes: made whole as a string first, then encoded whole, then handed whole to the file (which
     * copies it once more, into memory it asks the system for), it cost the sweep's writer about a quarter
     * of its time after the last backtest.
     */
    public void text(String name, Body body) throws IOException {
        FileSystem fs = dir.getFileSystem();
        fs.mkdirs(dir);
        OutputStream file = fs.create(new Path(dir, name), FileSystem.WriteMode.OVERWRITE);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8), BUFFER_CHARS)) {
            body.writeTo(out);
        }
    }

    public void json(String name, Object value) throws IOException {
        text(name, JSON.writeValueAsString(value) + "\n");
    }

    /** {@code dead-letters.csv}: where each rejected record came from and why, in input order. */
    public void deadLetters(List<DeadLetter> deadLetters) throws IOException {
        List<DeadLetter> inInputOrder = deadLetters.stream().sorted(IN_INPUT_ORDER).toList();
        text("dead-letters.csv", csv -> {
            csv.write("source,position,reason,detail\n");
            for (DeadLetter d : inInputOrder) {
                csv.append(cell(d.getSource())).append(',')
                        .append(d.getPosition() == null ? "" : d.getPosition().toString()).append(',')
                        .append(cell(d.getReason())).append(',').append(cell(d.getDetail())).append('\n');
            }
        });
    }

    /** How many records were rejected, per reason, and the first few, for a summary.json. */
    public static Map<String, Object> deadLetterSummary(List<DeadLetter> deadLetters) {
        Map<String, Integer> byReason = new TreeMap<>();
        deadLetters.forEach(d -> byReason.merge(d.getReason().toString(), 1, Integer::sum));
        List<Map<String, Object>> first = new ArrayList<>();
        deadLetters.stream()
                .sorted(IN_INPUT_ORDER)
                .limit(FIRST_REJECTED)
                .forEach(d -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("source", d.getSource().toString());
                    entry.put("position", d.getPosition());
                    entry.put("reason", d.getReason().toString());
                    entry.put("detail", d.getDetail() == null ? null : d.getDetail().toString());
                    first.add(entry);
                });
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", deadLetters.size());
        summary.put("by_reason", byReason);
        summary.put("first", first);
        return summary;
    }

    private static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
