package dev.ragfn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * infra/gitops/values-ragfn.yaml inside a real pattern: merged, as the framework's own check merges
 * values files (yq's deep merge: maps merge, anything else is replaced), into the reference
 * multicloud-gitops values-global.yaml and values-hub.yaml, then validated against the clustergroup
 * chart's values.schema.json (draft-07, unknown clusterGroup keys forbidden). The framework also
 * fills the schema's defaults first; that is not done here, so the merged document must be valid
 * as it stands.
 */
class ValidatedPatternValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path VALUES = Path.of("infra/gitops/values-ragfn.yaml");

    private static Path root;
    private static Path schemas;
    private static Schema schema;

    @BeforeAll
    static void load() throws IOException {
        root = Checkout.REPOSITORY.root();
        schemas = root.resolve("../shared/schemas").normalize();
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(Files.readString(schemas.resolve("clustergroup/values.schema.json")), InputFormat.JSON);
    }

    @Test
    void should_pass_the_clustergroup_schema_when_merged_into_the_reference_hub_values() {
        // given
        JsonNode merged = inReferenceHub(ragfnValues());

        // when
        List<String> errors = errors(merged);

        // then
        assertThat(errors).isEmpty();
        assertThat(merged.path("clusterGroup").path("applications").has("ragfn")).isTrue();
        assertThat(merged.path("clusterGroup").path("applications").has("hello-world")).as("the hub's own applications stay").isTrue();
    }

    @Test
    void should_report_an_error_when_the_values_carry_a_key_the_schema_forbids() {
        // given: clusterGroup allows no unknown keys
        ObjectNode values = ragfnValues();
        ((ObjectNode) values.path("clusterGroup")).putObject("ragfn").put("enabled", true);

        // when
        List<String> errors = errors(inReferenceHub(values));

        // then
        assertThat(errors).isNotEmpty().anySatisfy(e -> assertThat(e).contains("ragfn"));
    }

    @Test
    void should_install_the_same_path_revision_and_namespace_as_the_argo_cd_application_when_both_are_read() {
        // given
        JsonNode application = Yaml.documents(root.resolve(GitOpsLayer.APPLICATION)).getFirst().path("spec");
        JsonNode ragfn = ragfnValues().path("clusterGroup").path("applications").path("ragfn");

        // then
        assertThat(ragfn.path("path").asText()).isEqualTo(application.path("source").path("path").asText());
        assertThat(ragfn.path("repoURL").asText()).isEqualTo(application.path("source").path("repoURL").asText());
        assertThat(ragfn.path("targetRevision").asText()).isEqualTo(application.path("source").path("targetRevision").asText());
        assertThat(ragfn.path("namespace").asText()).isEqualTo(application.path("destination").path("namespace").asText());
        ragfnValues().path("clusterGroup").path("applications").forEach(app -> assertThat(root.resolve(app.path("path").asText())
                .resolve("kustomization.yaml")).as("path of the %s application", app.path("name").asText()).isRegularFile());
    }

    private static ObjectNode ragfnValues() {
        return (ObjectNode) Yaml.documents(root.resolve(VALUES)).getFirst();
    }

    private static JsonNode inReferenceHub(JsonNode values) {
        Path pattern = schemas.resolve("reference-multicloud-gitops");
        ObjectNode merged = JSON.createObjectNode();
        merge(merged, Yaml.documents(pattern.resolve("values-global.yaml")).getFirst());
        merge(merged, Yaml.documents(pattern.resolve("values-hub.yaml")).getFirst());
        merge(merged, values);
        return merged;
    }

    /** yq's {@code . * $item}: objects merge key by key, anything else (lists included) is replaced. */
    private static void merge(ObjectNode target, JsonNode patch) {
        patch.properties().forEach(field -> {
            if (field.getValue().isObject() && target.get(field.getKey()) instanceof ObjectNode existing) {
                merge(existing, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        });
    }

    private static List<String> errors(JsonNode document) {
        try {
            return schema.validate(JSON.writeValueAsString(document), InputFormat.JSON).stream().map(Error::toString).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
