package dev.ragfn.runtime.funqy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.event.ChunksReady;
import dev.ragfn.core.event.EventTypes;
import io.quarkus.funqy.knative.events.CloudEvent;
import io.quarkus.funqy.knative.events.CloudEventBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The structured JSON form that Funqy's Lambda binding reads and writes with the module. */
class CloudEventJsonTest {

    private static final TypeReference<CloudEvent<ChunksReady>> CHUNKS_READY = new TypeReference<>() {
    };

    private final ObjectMapper mapper = new ObjectMapper();

    CloudEventJsonTest() {
        new CloudEventJson().customize(mapper);
    }

    @Test
    void should_write_the_structured_form_with_extensions_as_attributes_when_a_function_answers() throws Exception {
        // given
        ChunksReady ready = new ChunksReady("acme", "handbook", "rotate-credentials", "sha256:ab", 3);
        CloudEvent<ChunksReady> answer = StructuredCloudEvent.about(new KnowledgeBaseRef("acme", "handbook"),
                EventTypes.CHUNKS_READY, "/ragfn/ingest", ready);

        // when: written as the declared type, as Funqy's Lambda binding writes its output
        JsonNode json = mapper.readTree(mapper.writerFor(new TypeReference<CloudEvent<Object>>() { })
                .writeValueAsString(answer));

        // then
        assertThat(json.path("specversion").asText()).isEqualTo("1.0");
        assertThat(json.path("id").asText()).isEqualTo(answer.id());
        assertThat(json.path("type").asText()).isEqualTo("dev.ragfn.chunks.ready");
        assertThat(json.path("source").asText()).isEqualTo("/ragfn/ingest");
        assertThat(json.path("time").asText()).isEqualTo(answer.time().toString());
        assertThat(json.path("tenant").asText()).isEqualTo("acme");
        assertThat(json.path("knowledgebase").asText()).isEqualTo("handbook");
        assertThat(json.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(json.path("data")).isEqualTo(mapper.readTree(mapper.writeValueAsString(ready)));
    }

    @Test
    void should_give_an_id_and_spec_version_when_an_answer_has_none() throws Exception {
        CloudEvent<String> built = CloudEventBuilder.create().type(EventTypes.DOCUMENT_INDEXED).source("/x").build("d");

        JsonNode json = mapper.valueToTree(built);

        assertThat(json.path("id").asText()).isNotBlank();
        assertThat(json.path("specversion").asText()).isEqualTo("1.0");
    }

    @Test
    void should_read_attributes_extensions_and_typed_data_when_eventbridge_hands_over_a_structured_event()
            throws Exception {
        // given
        String json = """
                {"specversion": "1.0", "id": "e-1", "source": "s3://bucket", "type": "dev.ragfn.chunks.ready",
                 "time": "2026-11-25T10:20:11Z", "tenant": "acme", "knowledgebase": "handbook",
                 "datacontenttype": "application/json",
                 "data": {"tenant": "acme", "knowledgeBase": "handbook", "documentId": "d", "contentHash": "h", "chunkCount": 2}}
                """;

        // when
        CloudEvent<ChunksReady> event = mapper.readValue(json, CHUNKS_READY);

        // then
        assertThat(event.id()).isEqualTo("e-1");
        assertThat(event.source()).isEqualTo("s3://bucket");
        assertThat(event.type()).isEqualTo("dev.ragfn.chunks.ready");
        assertThat(event.time()).hasToString("2026-11-25T10:20:11Z");
        assertThat(event.extensions()).isEqualTo(Map.of("tenant", "acme", "knowledgebase", "handbook"));
        assertThat(event.data()).isEqualTo(new ChunksReady("acme", "handbook", "d", "h", 2));
    }

    @Test
    void should_read_the_event_back_when_it_was_written_by_the_module() throws Exception {
        CloudEvent<ChunksReady> answer = StructuredCloudEvent.about(new KnowledgeBaseRef("acme", "kb"),
                EventTypes.CHUNKS_READY, "/ragfn/ingest", new ChunksReady("acme", "kb", "d", "h", 1));

        CloudEvent<ChunksReady> read = mapper.readValue(mapper.writeValueAsString(answer), CHUNKS_READY);

        assertThat(read).isEqualTo(answer);
    }

    @Test
    void should_name_the_missing_attribute_when_the_event_has_no_id() {
        String json = """
                {"specversion": "1.0", "source": "/x", "type": "dev.ragfn.chunks.ready", "data": {}}
                """;

        assertThatThrownBy(() -> mapper.readValue(json, CHUNKS_READY))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("the CloudEvent has no 'id'");
    }

    @Test
    void should_refuse_data_that_is_not_json_when_the_event_carries_base64() {
        String json = """
                {"specversion": "1.0", "id": "1", "source": "/x", "type": "dev.ragfn.chunks.ready", "data_base64": "aGk="}
                """;

        assertThatThrownBy(() -> mapper.readValue(json, CHUNKS_READY))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must be JSON");
    }
}
