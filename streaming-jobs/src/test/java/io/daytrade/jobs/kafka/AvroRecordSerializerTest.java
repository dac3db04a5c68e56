package io.daytrade.jobs.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.daytrade.schemas.Bar;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class AvroRecordSerializerTest {

    private static Bar bar(long start) {
        return Bar.newBuilder().setSymbol("SPX").setInterval("1w")
                .setWindowStart(Instant.ofEpochMilli(start)).setWindowEnd(Instant.ofEpochMilli(start + 1))
                .setOpen(1).setHigh(2).setLow(0.5).setClose(1.5).setVolume(10).setTickCount(0).setVwap(1.5).build();
    }

    @Test
    void writesTheSymbolAsKeyAndSingleObjectEncodingAsValue() throws Exception {
        var serializer = new AvroRecordSerializer<>(Bar.class, "bars", Bar::getSymbol);
        ProducerRecord<byte[], byte[]> record = serializer.serialize(bar(0), null, 0L);
        assertThat(record.topic()).isEqualTo("bars");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("SPX");
        assertThat(Bar.getDecoder().decode(ByteBuffer.wrap(record.value()))).isEqualTo(bar(0));
        assertThat(AvroTopics.decode(record.value())).isEqualTo(bar(0));
    }

    @Test
    void leavesTheKafkaTimestampToTheProducerSoRetentionDoesNotDeleteReplayedHistory() {
        // A bar of 1950 stamped with its event time would be negative (rejected by Kafka) and, like any
        // replayed history, older than the topic's retention: deleted minutes after it was written.
        var serializer = new AvroRecordSerializer<>(Bar.class, "bars", Bar::getSymbol);
        long eventTime = Instant.parse("1950-01-02T00:00:00Z").toEpochMilli();
        assertThat(serializer.serialize(bar(eventTime), null, eventTime).timestamp()).isNull();
        assertThat(serializer.serialize(bar(0), null, Instant.parse("2023-11-14T00:00:00Z").toEpochMilli())
                .timestamp()).isNull();
    }
}
