package io.daytrade.jobs.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Numbers are parsed by a faster parser than the JDK's: it must give the JDK's doubles, bit for bit. */
class CsvValuesTest {

    @Test
    void numbersAreTheDoublesTheJdkParses() {
        Random random = new Random(3);
        List<String> texts = new ArrayList<>(List.of("0", "-0", "1", "+1.5", ".5", "5.", "1e10", "1E-7", " 2.5 ",
                "100.00", "0.1", "123456789012345678901234567890", "4.9e-324", "2.2250738585072014E-308",
                "1.7976931348623157e308", "9007199254740993", "0.30000000000000004"));
        for (int i = 0; i < 20_000; i++) {
            double value = switch (i % 4) {
                case 0 -> random.nextDouble() * 1_000; // prices written by Double.toString, 16-17 digits
                case 1 -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL); // any finite double
                case 2 -> Math.round(random.nextDouble() * 1e6) / 100.0; // two decimals
                default -> random.nextInt(1_000_000);
            };
            texts.add(Double.toString(value));
            texts.add(String.format(Locale.ROOT, "%." + (1 + random.nextInt(20)) + "f", value % 1e6));
        }
        for (String text : texts) {
            long expected = Double.doubleToRawLongBits(Double.parseDouble(text));
            assertThat(Double.doubleToRawLongBits(CsvValues.number("close", text))).as(text).isEqualTo(expected);
        }
    }

    @Test
    void whatIsNotAFiniteNumberIsNamed() {
        for (String text : List.of("abc", "", "1,5", "1.2.3", "--1")) {
            assertThatThrownBy(() -> CsvValues.number("close", text)).hasMessage("close '" + text + "' is not a number");
        }
        for (String text : List.of("NaN", "Infinity", "-Infinity", "1e400")) {
            assertThatThrownBy(() -> CsvValues.number("close", text))
                    .hasMessage("close '" + text + "' is not a finite number");
        }
    }
}
