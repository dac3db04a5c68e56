package io.daytrade.jobs.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads a text file as {@link SourceLine}s that carry their line number. Flink's own text format drops
 * line numbers, which a user needs to find a bad line. The header (line 1) is skipped: the command
 * reads it before the job starts, to reject a bad header without running anything.
 */
public final class NumberedLinesFormat extends SimpleStreamFormat<SourceLine> {

    private static final long serialVersionUID = 1L;

    private final String displayName;

    /** @param displayName how the file is named in messages: the path the user gave */
    public NumberedLinesFormat(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public StreamFormat.Reader<SourceLine> createReader(Configuration config, FSDataInputStream stream) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        return new StreamFormat.Reader<>() {
            private long line;

            @Override
            public SourceLine read() throws IOException {
                String text;
                do {
                    text = reader.readLine();
                    line++;
                } while (text != null && (line == 1 || text.isBlank()));
                return text == null ? null : new SourceLine(displayName, line, text);
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }

    @Override
    public TypeInformation<SourceLine> getProducedType() {
        return TypeInformation.of(SourceLine.class);
    }
}
