package dev.ragfn.samcheck;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragfn.store.dynamodb.AssistantItem;
import dev.ragfn.store.dynamodb.ChunkItem;
import dev.ragfn.store.dynamodb.ConversionItem;
import dev.ragfn.store.dynamodb.ConversionPartItem;
import dev.ragfn.store.dynamodb.DocumentItem;
import dev.ragfn.store.dynamodb.DynamoDbIdempotencyStore;
import dev.ragfn.store.dynamodb.KnowledgeBaseItem;
import dev.ragfn.store.dynamodb.ChatTurnItem;
import dev.ragfn.store.dynamodb.SessionItem;
import dev.ragfn.store.dynamodb.SummaryItem;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class TablesTest {

    /** Table names (after the prefix) as the store adapters open them, with their item classes. */
    private static final Map<String, TableSchema<?>> ITEMS = Map.of(
            "knowledge-bases", KnowledgeBaseItem.SCHEMA,
            "documents", DocumentItem.SCHEMA,
            "chunks", ChunkItem.SCHEMA,
            "summaries", SummaryItem.SCHEMA,
            "sessions", SessionItem.SCHEMA,
            "chat-turns", ChatTurnItem.SCHEMA,
            "assistants", AssistantItem.SCHEMA,
            "conversions", ConversionItem.SCHEMA,
            "conversion-parts", ConversionPartItem.SCHEMA);
    /** Written with the low-level client: no item class, its key and TTL are constants of the store. */
    private static final String IDEMPOTENCY = "idempotency";

    private final Template template = Template.load();

    @Test
    void should_declare_exactly_the_tables_the_code_defines_when_reading_the_template() {
        // given
        List<String> expected = new ArrayList<>(ITEMS.keySet());
        expected.add(IDEMPOTENCY);

        // when
        var names = tables().keySet();

        // then
        assertThat(names).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void should_key_each_table_as_its_item_schema_does_when_the_table_has_an_item_class() {
        Map<String, JsonNode> tables = tables();
        ITEMS.forEach((name, item) -> {
            // given
            JsonNode table = tables.get(name);

            // when
            Map<String, String> keys = keySchema(table.path("KeySchema"));

            // then
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put(item.tableMetadata().primaryPartitionKey(), "HASH");
            item.tableMetadata().primarySortKey().ifPresent(sortKey -> expected.put(sortKey, "RANGE"));
            assertThat(keys).as(name).isEqualTo(expected);
            assertThat(table.path("BillingMode").asText()).as(name).isEqualTo("PAY_PER_REQUEST");
        });
    }

    @Test
    void should_declare_the_status_index_when_documents_have_secondary_keys() {
        // given
        JsonNode documents = tables().get("documents");
        Map<String, String> expected = new LinkedHashMap<>();
        String index = constant(DocumentItem.class, "STATUS_INDEX");
        expected.put(DocumentItem.SCHEMA.tableMetadata().indexPartitionKey(index), "HASH");
        expected.put(DocumentItem.SCHEMA.tableMetadata().indexSortKey(index).orElseThrow(), "RANGE");

        // when
        JsonNode declared = documents.path("GlobalSecondaryIndexes").path(0);

        // then
        assertThat(documents.path("GlobalSecondaryIndexes")).hasSize(1);
        assertThat(declared.path("IndexName").asText()).isEqualTo(index);
        assertThat(keySchema(declared.path("KeySchema"))).isEqualTo(expected);
        assertThat(declared.path("Projection").path("ProjectionType").asText()).isEqualTo("ALL");
    }

    @Test
    void should_declare_the_creation_index_when_conversions_are_listed_newest_first() {
        // given
        JsonNode conversions = tables().get("conversions");
        Map<String, String> expected = new LinkedHashMap<>();
        String index = constant(ConversionItem.class, "BY_CREATION");
        expected.put(ConversionItem.SCHEMA.tableMetadata().primaryPartitionKey(), "HASH");
        expected.put(ConversionItem.SCHEMA.tableMetadata().indexSortKey(index).orElseThrow(), "RANGE");

        // when
        JsonNode declared = conversions.path("LocalSecondaryIndexes").path(0);

        // then
        assertThat(conversions.path("LocalSecondaryIndexes")).hasSize(1);
        assertThat(declared.path("IndexName").asText()).isEqualTo(index);
        assertThat(keySchema(declared.path("KeySchema"))).isEqualTo(expected);
        assertThat(declared.path("Projection").path("ProjectionType").asText()).isEqualTo("ALL");
    }

    @Test
    void should_key_and_expire_the_idempotency_table_as_the_store_writes_it() {
        // given
        JsonNode table = tables().get(IDEMPOTENCY);

        // when
        Map<String, String> keys = keySchema(table.path("KeySchema"));

        // then
        assertThat(keys).isEqualTo(Map.of(constant(DynamoDbIdempotencyStore.class, "KEY"), "HASH"));
        assertThat(table.path("TimeToLiveSpecification").path("AttributeName").asText())
                .isEqualTo(constant(DynamoDbIdempotencyStore.class, "EXPIRES_AT"));
        assertThat(table.path("TimeToLiveSpecification").path("Enabled").asBoolean()).isTrue();
    }

    @Test
    void should_define_every_key_attribute_with_the_type_of_its_item_property_when_declaring_attributes() {
        tables().forEach((name, table) -> {
            List<String> used = new ArrayList<>(keySchema(table.path("KeySchema")).keySet());
            table.path("GlobalSecondaryIndexes").forEach(i -> used.addAll(keySchema(i.path("KeySchema")).keySet()));
            table.path("LocalSecondaryIndexes").forEach(i -> used.addAll(keySchema(i.path("KeySchema")).keySet()));
            Map<String, String> defined = new TreeMap<>();
            table.path("AttributeDefinitions").forEach(a ->
                    defined.put(a.path("AttributeName").asText(), a.path("AttributeType").asText()));
            // CloudFormation refuses attribute definitions that no key uses.
            assertThat(defined.keySet()).as(name).containsExactlyInAnyOrderElementsOf(used.stream().distinct().toList());
            defined.forEach((attribute, type) ->
                    assertThat(type).as(name + "." + attribute).isEqualTo(dynamoType(name, attribute)));
        });
    }

    /** The type the item schema writes the attribute as; S for the idempotency table's key, which has no item class. */
    private static String dynamoType(String table, String attribute) {
        TableSchema<?> item = ITEMS.get(table);
        if (item == null) {
            return "S";
        }
        assertThat(item.attributeNames()).as(table + " declares attribute " + attribute + " that its item schema does not have")
                .contains(attribute);
        return item.converterForAttribute(attribute).attributeValueType().name();
    }

    /** Tables by name without the prefix; every name must be ${TablePrefix}<name>. */
    private Map<String, JsonNode> tables() {
        Map<String, JsonNode> tables = new TreeMap<>();
        template.ofType("AWS::DynamoDB::Table").forEach((id, table) -> {
            String name = table.path("Properties").path("TableName").path("Fn::Sub").asText();
            assertThat(name).as(id).startsWith("${TablePrefix}");
            tables.put(name.substring("${TablePrefix}".length()), table.path("Properties"));
        });
        return tables;
    }

    private static Map<String, String> keySchema(JsonNode schema) {
        Map<String, String> keys = new LinkedHashMap<>();
        schema.forEach(k -> keys.put(k.path("AttributeName").asText(), k.path("KeyType").asText()));
        return keys;
    }

    /** A private name constant of the code, so that renaming it there fails here. */
    private static String constant(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return (String) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("No constant " + name + " in " + type.getName(), e);
        }
    }
}
