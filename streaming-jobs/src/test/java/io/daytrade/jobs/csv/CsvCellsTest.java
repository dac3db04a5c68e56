package io.daytrade.jobs.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** A line's cells read in place are the cells of {@code split(",", -1)}, each trimmed, and parse the same. */
class CsvCellsTest {

    @Test
    void cellsAreTheTrimmedCellsOfSplit() {
        Random random = new Random(7);
        String[] pieces = {"", " ", "a", "AAPL", " 1.5 ", "\t7", "x y", "2024-01-02T14:30:00Z", "-3", "\u00e9t\u00e9"};
        for (int round = 0; round < 5_000; round++) {
            int width = 1 + random.nextInt(8);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < width; i++) {
                line.append(i > 0 ? "," : "").append(pieces[random.nextInt(pieces.length)]);
            }
            CsvCells cells = new CsvCells(width);
            cells.read(line.toString());
            String[] split = line.toString().split(",", -1);
            for (int i = 0; i < width; i++) {
                assertThat(cells.string(i)).as(line + " cell " + i).isEqualTo(split[i].trim());
                assertThat(cells.isEmpty(i)).isEqualTo(split[i].trim().isEmpty());
                assertThat(cells.repeatedString(i)).isEqualTo(split[i].trim());
            }
        }
    }

    @Test
    void aLineOfAnotherWidthIsNamed() {
        CsvCells cells = new CsvCells(3);
        assertThatThrownBy(() -> cells.read("1,2")).hasMessage("has 2 cells, the header has 3");
        assertThatThrownBy(() -> cells.read("1,2,3,")).hasMessage("has 4 cells, the header has 3");
        assertThatThrownBy(() -> cells.read("1,2,3,4,5,6")).hasMessage("has 6 cells, the header has 3");
        cells.read("1, 2 ,3");
        assertThat(cells.string(1)).as("usable after a bad line").isEqualTo("2");
    }

    @Test
    void numbersAndTimesParseAsTheWholeCellWould() {
        CsvCells cells = new CsvCells(4);
        cells.read(" 1700000000000 ,2024-01-02T14:30:00Z, 0.30000000000000004 ,-12.5e3");
        assertThat(cells.timestamp("ts", 0)).isEqualTo(CsvValues.timestamp("ts", "1700000000000"));
        assertThat(cells.timestamp("ts", 1)).isEqualTo(CsvValues.timestamp("ts", "2024-01-02T14:30:00Z"));
        assertThat(cells.number("close", 2)).isEqualTo(0.30000000000000004);
        assertThat(cells.number("close", 3)).isEqualTo(-12500.0);

        cells.read("x1, yesterday ,1.2.3,1e400");
        assertThatThrownBy(() -> cells.timestamp("ts", 1)).hasMessage(
                "ts 'yesterday' is neither epoch milliseconds nor an ISO-8601 instant like 2024-01-02T14:30:00Z");
        assertThatThrownBy(() -> cells.number("open", 2)).hasMessage("open '1.2.3' is not a number");
        assertThatThrownBy(() -> cells.number("high", 3)).hasMessage("high '1e400' is not a finite number");
        assertThatThrownBy(() -> cells.number("low", 0)).hasMessage("low 'x1' is not a number");
    }

    @Test
    void equalCellsShareOneString() {
        CsvCells cells = new CsvCells(2);
        cells.read("AAPL,1");
        String first = cells.repeatedString(0);
        cells.read(" AAPL ,2");
        assertThat(cells.repeatedString(0)).isSameAs(first);
        assertThat(cells.string(0)).isEqualTo("AAPL").isNotSameAs(first);
    }
}
