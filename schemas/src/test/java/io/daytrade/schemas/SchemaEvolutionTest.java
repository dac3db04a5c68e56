package io.daytrade.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Consumers keep old records in Kafka and in savepoints: every current schema must read what each
 * released version wrote.
 */
class SchemaEvolutionTest {

    private static final List<String> RELEASES = List.of("v1");

    static Stream<Arguments> currentAndReleased() {
        return Stream.of(Tick.getClassSchema(), Bar.getClassSchema(), IndicatorValues.getClassSchema(),
                        Signal.getClassSchema(), DeadLetter.getClassSchema())
                .flatMap(current -> RELEASES.stream().map(release -> Arguments.of(current.getName(), release)));
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @MethodSource("currentAndReleased")
    void currentSchemaReadsEveryReleasedVersion(String record, String release) throws IOException {
        Schema current = currentSchema(record);
        Schema released = releasedSchema(release, record);
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(current, released);
        assertThat(result.getType())
                .as("%s cannot read %s data: %s", record, release, result.getResult().getIncompatibilities())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void theCheckCatchesARequiredFieldAddedWithoutDefault() {
        Schema broken = new Schema.Parser().parse(Tick.getClassSchema().toString()
                .replace("{\"name\":\"price\"", "{\"name\":\"venueFee\",\"type\":\"double\"},{\"name\":\"price\""));
        Schema released = Tick.getClassSchema();
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(broken, released).getType())
                .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    @Test
    void theCheckCatchesANarrowedType() {
        Schema broken = new Schema.Parser().parse(Bar.getClassSchema().toString()
                .replace("{\"name\":\"tickCount\",\"type\":\"long\"", "{\"name\":\"tickCount\",\"type\":\"int\""));
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(broken, Bar.getClassSchema()).getType())
                .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    @Test
    void everyFieldIsDocumented() {
        Stream.of(Tick.getClassSchema(), Bar.getClassSchema(), IndicatorValues.getClassSchema(),
                        Signal.getClassSchema(), DeadLetter.getClassSchema())
                .forEach(schema -> {
                    assertThat(schema.getDoc()).as(schema.getName()).isNotBlank();
                    schema.getFields().forEach(field ->
                            assertThat(field.doc()).as(schema.getName() + "." + field.name()).isNotBlank());
                });
    }

    private static Schema currentSchema(String record) {
        return Stream.of(Tick.getClassSchema(), Bar.getClassSchema(), IndicatorValues.getClassSchema(),
                        Signal.getClassSchema(), DeadLetter.getClassSchema())
                .filter(s -> s.getName().equals(record)).findFirst().orElseThrow();
    }

    private static Schema releasedSchema(String release, String record) throws IOException {
        String resource = "/compat/" + release + "/" + record + ".avsc";
        try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new Schema.Parser().parse(in);
        }
    }
}
