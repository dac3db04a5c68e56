package io.daytrade.jobs.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.Path;
import org.apache.flink.util.Collector;

/**
 * Reads a whole CSV file and emits, as numbered {@link SourceLine}s, the lines of one shard of its
 * symbols: those whose symbol cell hashes to the shard it is given (a line without a symbol cell goes to
 * shard 0, whose parser reports it). Every subtask of a bounded job reads the file this way with a
 * shard of its own, so the lines are parsed in parallel, while each symbol's lines still come from one
 * subtask in file order: what a history does with two bars of one time depends on which came first.
 *
 * <p>Lines are found in the bytes (a line ends at {@code \n}, {@code \r} or {@code \r\n}, as {@link
 * java.io.BufferedReader#readLine} has it), and only a shard's own lines are decoded: reading and
 * splitting a line is cheap beside parsing it, decoding it is not. The header (line 1) and blank lines
 * are skipped, and still counted: the command checks the header before the job starts.
 */
public final class SymbolShardReader extends RichFlatMapFunction<Long, SourceLine> {

    private static final long serialVersionUID = 1L;
    private static final int BUFFER = 1 << 16;

    private final String uri;
    private final String displayName;
    private final int symbolAt;
    private final int shards;

    /**
     * @param uri the file, as Flink's file systems name it
     * @param displayName how the file is named in messages: the path the user gave
     * @param symbolAt the symbol's cell in a line ({@link CsvLayout#position})
     * @param shards how many readers share the file's symbols
     */
    public SymbolShardReader(String uri, String displayName, int symbolAt, int shards) {
        this.uri = uri;
        this.displayName = displayName;
        this.symbolAt = symbolAt;
        this.shards = shards;
    }

    @Override
    public void flatMap(Long shard, Collector<SourceLine> out) throws IOException {
        Path path = new Path(uri);
        try (FSDataInputStream in = path.getFileSystem().open(path)) {
            read(in, Math.toIntExact(shard), out);
        }
    }

    /** Emits the lines of {@code shard} read from {@code in}. */
    void read(InputStream in, int shard, Collector<SourceLine> out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        int start = 0; // where the current line begins
        int end = 0; // how many bytes the buffer holds
        int scanned = 0; // bytes before it hold no line end
        long line = 0;
        boolean afterCarriageReturn = false; // a \n right after it ends no line
        while (true) {
            if (scanned == end) {
                if (start > 0) { // move the unfinished line to the front
                    System.arraycopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    scanned -= start;
                    start = 0;
                }
                if (end == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                int read = in.read(buffer, end, buffer.length - end);
                if (read < 0) {
                    if (end > start) { // the last line, with no line end
                        emit(buffer, start, end, ++line, shard, out);
                    }
                    return;
                }
                end += read;
                continue;
            }
            byte b = buffer[scanned];
            if (b == '\n' && afterCarriageReturn && scanned == start) {
                afterCarriageReturn = false;
                start = ++scanned;
                continue;
            }
            afterCarriageReturn = false;
            if (b == '\n' || b == '\r') {
                emit(buffer, start, scanned, ++line, shard, out);
                afterCarriageReturn = b == '\r';
                start = ++scanned;
            } else {
                scanned++;
            }
        }
    }

    private void emit(byte[] bytes, int from, int to, long line, int shard, Collector<SourceLine> out) {
        if (line == 1 || shardOf(bytes, from, to) != shard) {
            return;
        }
        String text = new String(bytes, from, to - from, StandardCharsets.UTF_8);
        if (!text.isBlank()) {
            out.collect(new SourceLine(displayName, line, text));
        }
    }

    /**
     * The shard of a line: its symbol cell, trimmed as {@link CsvCells} trims it, hashed as its
     * String would be; 0 for a line without one (blank lines included, which no shard emits).
     */
    int shardOf(byte[] bytes, int from, int to) {
        int cellStart = from;
        for (int cell = 0; cell < symbolAt; cell++) {
            while (cellStart < to && bytes[cellStart] != ',') {
                cellStart++;
            }
            if (cellStart == to) {
                return 0;
            }
            cellStart++;
        }
        int cellEnd = cellStart;
        boolean ascii = true;
        while (cellEnd < to && bytes[cellEnd] != ',') {
            ascii &= bytes[cellEnd] >= 0;
            cellEnd++;
        }
        // String.trim drops chars up to U+0020 at both ends; in UTF-8 those are single bytes.
        while (cellStart < cellEnd && (bytes[cellStart] & 0xff) <= ' ') {
            cellStart++;
        }
        while (cellEnd > cellStart && (bytes[cellEnd - 1] & 0xff) <= ' ') {
            cellEnd--;
        }
        if (cellStart == cellEnd) {
            return 0;
        }
        int hash;
        if (ascii) { // String.hashCode over the same chars
            hash = 0;
            for (int i = cellStart; i < cellEnd; i++) {
                hash = 31 * hash + bytes[i];
            }
        } else {
            hash = new String(bytes, cellStart, cellEnd - cellStart, StandardCharsets.UTF_8).hashCode();
        }
        return Math.floorMod(hash, shards);
    }
}
