package dev.ragfn.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test helper that fills defaults the way check-jsonschema --fill-defaults does. */
class SchemaDefaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SCHEMA = """
            {"$schema": "http://json-schema.org/draft-07/schema#", "$ref": "#/definitions/Root",
             "definitions": {
               "Root": {"type": "object", "properties": {
                 "group": {"$ref": "#/definitions/Group"},
                 "absent": {"$ref": "#/definitions/Group"},
                 "named": {"type": "object", "additionalProperties": {"$ref": "#/definitions/Job"}},
                 "level": {"type": "string", "default": "info"}}},
               "Group": {"type": "object", "additionalProperties": false, "properties": {
                 "name": {"type": "string"},
                 "jobs": {"type": "array", "items": {"$ref": "#/definitions/Job"}},
                 "options": {"type": "object", "default": {}, "properties": {"retries": {"type": "integer", "default": 3}}}},
                 "allOf": [{"properties": {"mode": {"type": "string", "default": "auto"}}}]},
               "Job": {"type": "object", "properties": {
                 "image": {"type": "string", "default": "quay.io/x/runner:v1"},
                 "timeout": {"type": "integer", "default": 600}}}}}
            """;

    @Test
    void should_insert_defaults_through_refs_items_additional_properties_and_inserted_defaults_when_filling() throws Exception {
        // given
        JsonNode instance = JSON.readTree("""
                {"group": {"name": "hub", "jobs": [{"timeout": 10}, {}]}, "named": {"a": {}}, "level": "debug"}""");

        // when
        new SchemaDefaults(JSON.readTree(SCHEMA)).fill(instance);

        // then
        assertThat(instance.at("/group/jobs/0")).isEqualTo(JSON.readTree("{\"timeout\": 10, \"image\": \"quay.io/x/runner:v1\"}"));
        assertThat(instance.at("/group/jobs/1")).isEqualTo(JSON.readTree("{\"image\": \"quay.io/x/runner:v1\", \"timeout\": 600}"));
        assertThat(instance.at("/group/options")).isEqualTo(JSON.readTree("{\"retries\": 3}"));
        assertThat(instance.at("/group/mode").asText()).isEqualTo("auto");
        assertThat(instance.at("/named/a/timeout").asInt()).isEqualTo(600);
        assertThat(instance.at("/level").asText()).isEqualTo("debug");
        assertThat(instance.has("absent")).as("an absent object without a default stays absent").isFalse();
    }

    @Test
    void should_fail_validation_when_a_filled_default_breaks_the_schema(@TempDir Path dir) throws Exception {
        // given: the default of 'mode' is not in its enum, so only the filled document is invalid
        Path schema = Files.writeString(dir.resolve("values.schema.json"), """
                {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
                 "properties": {"clusterGroup": {"type": "object",
                   "properties": {"mode": {"enum": ["a", "b"], "default": "c"}}}}}""");
        Files.writeString(dir.resolve("values-global.yaml"), "global:\n  pattern: p\n");
        Files.writeString(dir.resolve("values-hub.yaml"), "clusterGroup:\n  name: hub\n");
        FrameworkSchemaCheck check = new FrameworkSchemaCheck(schema);

        // when
        Map<String, java.util.List<String>> errors = check.errors(dir);

        // then
        assertThat(check.validate(JSON.readTree("{\"clusterGroup\": {\"name\": \"hub\"}}"))).isEmpty();
        assertThat(errors.get("values-hub.yaml")).singleElement().asString().contains("mode");
    }

    @Test
    void should_refuse_a_schema_with_defaults_below_any_of_when_the_helper_is_built() {
        assertThatThrownBy(() -> new SchemaDefaults(JSON.readTree("""
                {"anyOf": [{"properties": {"x": {"default": 1}}}, {"type": "string"}]}""")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("#/anyOf/0/properties/x/default");
    }
}
