package io.daytrade.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each indicator writes its state in the bytes it wrote when {@code indicator-state-formats.txt} was
 * recorded: checkpoints and savepoints hold these bytes, and a restore reads them with the new build. An
 * indicator's internals may change (shared windows, other trackers of an extreme) as long as what it
 * writes does not. A deliberate change of format needs a new version in {@code IndicatorSetSerializerSnapshot}
 * and a reader for the old bytes; then the failing line's new fingerprint goes into the file.
 */
class IndicatorStateFormatTest {

    private static final String RECORDED = "indicator-state-formats.txt";

    static java.util.List<String> specs() {
        return IndicatorCases.SPECS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void writesTheRecordedBytes(String spec) throws IOException {
        String recorded = recorded().get(spec);
        assertThat(recorded).as("no recorded format for %s; record: %s\t%s", spec, spec, fingerprint(spec)).isNotNull();
        assertThat(fingerprint(spec)).as("state bytes of %s changed", spec).isEqualTo(recorded);
    }

    @Test
    void everyRecordedIndicatorIsStillTested() throws IOException {
        assertThat(IndicatorCases.SPECS).containsAll(recorded().keySet());
    }

    /**
     * SHA-256 of the states written after 0, 1, lookback, lookback + 1 and 400 bars of a generated
     * series: empty, warming up, just ready, and long after.
     */
    static String fingerprint(String specText) throws IOException {
        IndicatorSpec spec = IndicatorSpec.parse(specText);
        OhlcvSeries series = OhlcvSeries.generated(3, 700);
        int lookback = spec.create().lookback();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (int cut : new int[] {0, 1, lookback, lookback + 1, 400}) {
            Indicator indicator = spec.create();
            for (int bar = 0; bar < cut; bar++) {
                indicator.update(series.open[bar], series.high[bar], series.low[bar], series.close[bar],
                        series.volume[bar], series.time[bar]);
            }
            indicator.writeState(out);
        }
        out.flush();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> recorded() throws IOException {
        Map<String, String> formats = new LinkedHashMap<>();
        try (InputStream in = IndicatorStateFormatTest.class.getResourceAsStream("/" + RECORDED)) {
            assertThat(in).as(RECORDED).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cells = line.split("\t");
                    formats.put(cells[0], cells[1]);
                }
            }
        }
        return formats;
    }
}
