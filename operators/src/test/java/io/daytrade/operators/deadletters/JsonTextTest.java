package io.daytrade.operators.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anyTextReadsBackAsItself() throws Exception {
        for (String text : new String[] {"AAPL", "", "A\"B", "back\\slash", "line\nbreak\r\ttab", "\u0000\u001f",
                "BRK.B", "Ünïcødé €", "</script>"}) {
            String literal = JsonText.quote(text);
            assertThat(JSON.readValue(literal, String.class)).as(literal).isEqualTo(text);
        }
    }

    @Test
    void escapesOnlyWhatJsonRequires() {
        assertThat(JsonText.quote("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
        assertThat(JsonText.quote("BRK.B")).isEqualTo("\"BRK.B\"");
    }
}
