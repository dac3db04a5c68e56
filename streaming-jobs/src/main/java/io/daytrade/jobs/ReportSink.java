package io.daytrade.jobs;

import io.daytrade.schemas.DeadLetter;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.types.Either;

/**
 * The last stage of a bounded job that writes its own report: one writer gathers every result and
 * dead letter and, at the end of the input, hands them to the report. The report is written where the
 * writer runs (a shared or object-store path on a cluster); a retried attempt overwrites it whole.
 */
public final class ReportSink<T> implements Sink<Either<DeadLetter, T>> {

    private static final long serialVersionUID = 1L;

    /** Turns a bounded job's complete results into files. */
    public interface Report<T> extends Serializable {
        void write(List<T> records, List<DeadLetter> deadLetters) throws IOException;
    }

    private final Report<T> report;

    public ReportSink(Report<T> report) {
        this.report = report;
    }

    @Override
    public SinkWriter<Either<DeadLetter, T>> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            private final List<T> records = new ArrayList<>();
            private final List<DeadLetter> deadLetters = new ArrayList<>();
            private boolean written;

            @Override
            public void write(Either<DeadLetter, T> element, Context context) {
                if (element.isLeft()) {
                    deadLetters.add(element.left());
                } else {
                    records.add(element.right());
                }
            }

            @Override
            public void flush(boolean endOfInput) throws IOException {
                if (endOfInput && !written) {
                    report.write(records, deadLetters);
                    written = true;
                }
            }

            @Override
            public void close() {}
        };
    }
}
