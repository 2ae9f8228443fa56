package dev.ragfn.samcheck;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragfn.core.event.EventTypes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PoliciesTest {

    /** The tables behind each store port, as the DynamoDB adapters open them. */
    private static final Map<String, List<String>> TABLES_OF_PORT = Map.of(
            "DocumentStore", List.of("knowledge-bases", "documents", "chunks"),
            "IdempotencyStore", List.of("idempotency"),
            "SummaryStore", List.of("summaries"),
            "SessionStore", List.of("sessions", "chat-turns"),
            "AssistantStore", List.of("assistants"),
            "ConversionStore", List.of("conversions", "conversion-parts"));

    private final Template template = Template.load();
    private final Triggers triggers = Triggers.load();

    @Test
    void should_grant_crud_on_exactly_the_tables_of_the_ports_the_module_uses() {
        for (String module : Repo.functionModules()) {
            // given
            Set<String> expected = new TreeSet<>();
            portsUsedBy(module).forEach(port -> expected.addAll(TABLES_OF_PORT.get(port)));

            // when
            Set<String> granted = new TreeSet<>();
            for (var policy : template.policies(Template.functionId(module))) {
                if (policy.getKey().equals("DynamoDBCrudPolicy")) {
                    String table = Template.ref(policy.getValue().path("TableName"));
                    granted.add(template.resource(table).path("Properties").path("TableName").path("Fn::Sub").asText()
                            .replace("${TablePrefix}", ""));
                }
            }

            // then
            assertThat(granted).as(module).isEqualTo(expected);
        }
    }

    @Test
    void should_read_the_ingest_bucket_only_when_the_function_takes_submissions() {
        for (String module : Repo.functionModules()) {
            List<JsonNode> reads = policies(module, "S3ReadPolicy");
            if (triggers.consumes(module).contains(EventTypes.DOCUMENT_SUBMITTED)) {
                assertThat(reads).as(module).hasSize(1);
                assertThat(Template.ref(reads.get(0).path("BucketName"))).isEqualTo("IngestBucketName");
            } else {
                assertThat(reads).as(module).isEmpty();
            }
        }
    }

    @Test
    void should_put_events_on_the_bus_only_when_the_function_emits() {
        for (String module : Repo.functionModules()) {
            List<JsonNode> puts = policies(module, "EventBridgePutEventsPolicy");
            if (triggers.emits(module).isEmpty()) {
                assertThat(puts).as(module).isEmpty();
            } else {
                assertThat(puts).as(module).hasSize(1);
                assertThat(Template.ref(puts.get(0).path("EventBusName"))).isEqualTo("RagfnBus");
            }
        }
    }

    @Test
    void should_use_no_other_policy_when_declaring_function_permissions() {
        for (String module : Repo.functionModules()) {
            // the one conditional policy is the signed OpenSearch grant (OpenSearchAccessTest checks it)
            assertThat(template.policies(Template.functionId(module))).as(module)
                    .allSatisfy(p -> assertThat(p.getKey().equals("Fn::If")
                            ? p.getValue().get(0).asText() : p.getKey())
                            .isIn("DynamoDBCrudPolicy", "S3ReadPolicy", "EventBridgePutEventsPolicy",
                                    OpenSearchAccessTest.SIGNED_CONDITION, EmbeddingTest.STATEMENT));
        }
    }

    private List<JsonNode> policies(String module, String name) {
        return template.policies(Template.functionId(module)).stream()
                .filter(p -> p.getKey().equals(name)).map(Map.Entry::getValue).toList();
    }

    /** Store ports named anywhere in the module's main sources. */
    private static Set<String> portsUsedBy(String module) {
        Path sources = Repo.root().resolve("functions").resolve(module).resolve("src/main/java");
        Set<String> ports = new TreeSet<>();
        if (!Files.isDirectory(sources)) {
            return ports;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                TABLES_OF_PORT.keySet().stream()
                        .filter(port -> Pattern.compile("\\b" + port + "\\b").matcher(code).find())
                        .forEach(ports::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ports;
    }
}
