package io.daytrade.jobs.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Turns records read from a topic into CSV rows or JSON lines, with the conventions of the project's
 * files: times in epoch milliseconds, snake_case column names, maps as nested objects (JSON) or
 * {@code key=value;...} cells (CSV, keys sorted), raw payloads as text when they are UTF-8, else base64.
 */
public final class RecordFormatter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordFormatter() {}

    public static String csvHeader(SpecificRecordBase record) {
        return record.getSchema().getFields().stream().map(f -> snakeCase(f.name())).collect(Collectors.joining(","));
    }

    public static String csvRow(SpecificRecordBase record) {
        List<String> cells = new ArrayList<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = plain(record.get(field.pos()));
            String cell;
            if (value == null) {
                cell = "";
            } else if (value instanceof Map<?, ?> map) {
                cell = new TreeMap<>(map).entrySet().stream()
                        .map(e -> e.getKey() + "=" + (e.getValue() == null ? "" : e.getValue()))
                        .collect(Collectors.joining(";"));
            } else {
                cell = value.toString();
            }
            cells.add(cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                    ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        return String.join(",", cells);
    }

    public static String json(SpecificRecordBase record) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("type", record.getSchema().getName());
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = plain(record.get(field.pos()));
            object.put(snakeCase(field.name()), value instanceof Map<?, ?> map ? new TreeMap<>(map) : value);
        }
        try {
            return JSON.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object plain(Object value) {
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                return "base64:" + Base64.getEncoder().encodeToString(bytes);
            }
        }
        if (value instanceof Enum<?> || value instanceof CharSequence) {
            return value.toString();
        }
        return value;
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
