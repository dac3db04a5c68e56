package io.daytrade.jobs.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Each distinct text is one String while there is room, and every answer is the text, room or not. */
class RepeatedStringsTest {

    @Test
    void equalTextsAreOneStringAndOthersAreTheirOwn() {
        RepeatedStrings strings = new RepeatedStrings();
        Map<String, String> first = new HashMap<>();
        int distinct = 3_000; // past several doublings of the table
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < distinct; i++) {
                String text = "S" + i;
                String line = "1," + text + ",x";
                String got = strings.of(line, 2, 2 + text.length());
                assertThat(got).isEqualTo(text);
                assertThat(got).isSameAs(first.computeIfAbsent(text, t -> got));
            }
        }
        assertThat(strings.size()).isEqualTo(distinct);
        // Texts whose hashes collide ("Aa" and "BB") stay apart.
        assertThat(strings.of("Aa", 0, 2)).isEqualTo("Aa");
        assertThat(strings.of("BB", 0, 2)).isEqualTo("BB");
        assertThat(strings.of("", 0, 0)).isEmpty();
    }

    @Test
    void pastTheLimitTextsAreStillRight() {
        RepeatedStrings strings = new RepeatedStrings();
        for (int i = 0; i < RepeatedStrings.LIMIT + 100; i++) {
            String text = Integer.toString(i);
            assertThat(strings.of(text, 0, text.length())).isEqualTo(text);
        }
        assertThat(strings.size()).isEqualTo(RepeatedStrings.LIMIT);
        assertThat(strings.of("7", 0, 1)).isSameAs(strings.of("x7", 1, 2)); // kept before the limit
    }
}
