package io.daytrade.jobs.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.daytrade.operators.sweep.SymbolPartitioner;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.flink.api.common.functions.util.ListCollector;
import org.junit.jupiter.api.Test;

/**
 * The shards of a file hold, between them, exactly the lines a {@link BufferedReader} reads from it (header
 * and blank lines skipped, numbered as they stand in the file), each symbol's lines in one shard and in
 * file order.
 */
class SymbolShardReaderTest {

    private static final String[] ENDINGS = {"\n", "\r\n", "\r"};

    @Test
    void theShardsTogetherHoldEveryLineOnceAndEachSymbolInOne() throws IOException {
        String file = "ts,symbol,open,high,low,close,volume\n"
                + "1,AAPL,1,2,0.5,1.5,10\r\n"
                + "1,MSFT,1,2,0.5,1.5,10\r"
                + "\n"
                + "   \t\n"
                + "2, AAPL ,1,2,0.5,1.5,10\n" // the same symbol once trimmed, as the parser trims it
                + "3,,1,2,0.5,1.5,10\n" // no symbol: shard 0, whose parser reports it
                + "4\n" // too few cells: likewise
                + "5,Zürich Ä,1,2,0.5,1.5,10\n"
                + "\u3000\n" // blank, though not ASCII
                + "6,MSFT,1,2,0.5,1.5,10"; // no line end at the end
        for (int shards = 1; shards <= 3; shards++) {
            assertShardsHoldTheReadersLines(file.getBytes(StandardCharsets.UTF_8), shards);
        }
    }

    /** What lets the sweep's histories stage take reader i's bars without a shuffle (BoundedJob.bySymbol). */
    @Test
    void aLinesShardIsTheSubtaskThePartitionBySymbolPicksForItsBar() {
        Random random = new Random(11);
        String[] alphabet = {"A", "Z", "q", "0", ".", "-", "ü", "Ä", "語", " "};
        for (int shards = 1; shards <= 4; shards++) {
            SymbolShardReader reader = new SymbolShardReader("file:///unused", "unused", 1, shards);
            for (int i = 0; i < 2_000; i++) {
                StringBuilder symbol = new StringBuilder();
                for (int c = 1 + random.nextInt(8); c > 0; c--) {
                    symbol.append(alphabet[random.nextInt(alphabet.length)]);
                }
                String cell = " " + symbol + "\t";
                byte[] line = ("1," + cell + ",1,2,0.5,1.5,10").getBytes(StandardCharsets.UTF_8);
                CsvCells cells = new CsvCells(7);
                cells.read(new String(line, StandardCharsets.UTF_8));
                String parsed = cells.string(1);
                if (!parsed.isEmpty()) {
                    assertThat(reader.shardOf(line, 0, line.length)).as("'%s' in %d shards", parsed, shards)
                            .isEqualTo(new SymbolPartitioner().partition(parsed, shards));
                }
            }
        }
    }

    @Test
    void linesLongerThanTheBufferAndEndingsAcrossItsEdgesAreRead() throws IOException {
        Random random = new Random(3);
        StringBuilder file = new StringBuilder("ts,symbol,open,high,low,close,volume\n");
        for (int line = 0; line < 20_000; line++) {
            if (random.nextInt(50) == 0) {
                file.append(ENDINGS[random.nextInt(ENDINGS.length)]); // a blank line
            }
            file.append(line).append(",S").append(random.nextInt(30)).append(",1,2,0.5,1.5,");
            if (random.nextInt(5_000) == 0) {
                file.append("9".repeat(100_000)); // longer than the reader's buffer
            }
            file.append(random.nextInt(1_000)).append(ENDINGS[random.nextInt(ENDINGS.length)]);
        }
        assertShardsHoldTheReadersLines(file.toString().getBytes(StandardCharsets.UTF_8), 3);
    }

    private static void assertShardsHoldTheReadersLines(byte[] file, int shards) throws IOException {
        List<SourceLine> all = new ArrayList<>();
        Map<String, Integer> shardOfSymbol = new HashMap<>();
        for (int shard = 0; shard < shards; shard++) {
            List<SourceLine> lines = new ArrayList<>();
            new SymbolShardReader("file:///unused", "bars.csv", 1, shards)
                    .read(new ByteArrayInputStream(file), shard, new ListCollector<>(lines));
            for (int i = 0; i < lines.size(); i++) {
                SourceLine line = lines.get(i);
                if (i > 0) {
                    assertThat(line.line).isGreaterThan(lines.get(i - 1).line);
                }
                String[] cells = line.text.split(",", -1);
                String symbol = cells.length > 1 ? cells[1].trim() : "";
                if (symbol.isEmpty()) {
                    assertThat(shard).as("a line without a symbol: %s", line.text).isZero();
                } else {
                    assertThat(shardOfSymbol.merge(symbol, shard, (a, b) -> a.equals(b) ? a : -1))
                            .as("every line of %s in one shard", symbol).isEqualTo(shard);
                }
            }
            all.addAll(lines);
        }
        all.sort(Comparator.comparingLong(line -> line.line));
        List<SourceLine> expected = readByLine(file);
        assertThat(all).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(all.get(i)).usingRecursiveComparison().isEqualTo(expected.get(i));
        }
    }

    /** What the job read before the shards: every line as BufferedReader splits them, less header and blanks. */
    private static List<SourceLine> readByLine(byte[] file) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(file),
                StandardCharsets.UTF_8));
        List<SourceLine> lines = new ArrayList<>();
        long number = 0;
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            number++;
            if (number > 1 && !text.isBlank()) {
                lines.add(new SourceLine("bars.csv", number, text));
            }
        }
        return lines;
    }
}
