package dev.ragfn.samcheck;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragfn.core.event.EventTypes;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample events of sam/events/ run through the template's rules. */
class SampleEventsTest {

    private static final String BUS = EventBridge.BUS;
    private static final String DEFAULT_BUS = EventBridge.DEFAULT_BUS;
    /** The sample S3 notification's bucket stands for the IngestBucketName of a deployment. */
    private static final Map<String, String> PARAMETERS = Map.of("IngestBucketName", "ragfn-ingest-example");

    private final Template template = Template.load();
    private final EventBridge eventBridge = new EventBridge(template, PARAMETERS);

    @Test
    void should_deliver_the_whole_structured_event_to_ingest_only_when_a_document_submitted_event_is_published() {
        // given
        JsonNode event = Repo.json(Repo.sam("events/document-submitted.json"));

        // when
        Map<String, JsonNode> inputs = deliver(event, BUS);

        // then: its id and source identify a redelivery, its extensions name tenant and knowledge base
        assertThat(inputs).containsOnlyKeys("IngestFunction.DocumentSubmitted");
        assertThat(inputs.get("IngestFunction.DocumentSubmitted")).isEqualTo(event.path("detail"));
    }

    @Test
    void should_deliver_a_structured_submission_to_ingest_only_when_s3_reports_an_object_created_in_the_bucket() {
        // given
        JsonNode event = Repo.json(Repo.sam("events/s3-object-created.json"));

        // when
        Map<String, JsonNode> inputs = deliver(event, DEFAULT_BUS);

        // then
        assertThat(inputs).containsOnlyKeys("IngestFunction.IngestBucketObjectCreated");
        JsonNode submitted = inputs.get("IngestFunction.IngestBucketObjectCreated");
        assertThat(submitted.path("specversion").asText()).isEqualTo("1.0");
        assertThat(submitted.path("type").asText()).isEqualTo(EventTypes.DOCUMENT_SUBMITTED);
        assertThat(submitted.path("id").asText()).isEqualTo(event.path("id").asText());
        assertThat(submitted.path("source").asText()).isEqualTo("s3://ragfn-ingest-example");
        assertThat(submitted.path("time").asText()).isEqualTo(event.path("time").asText());
        assertThat(submitted.path("tenant").asText()).isEqualTo(parameter("IngestTenant"));
        assertThat(submitted.path("knowledgebase").asText()).isEqualTo(parameter("IngestKnowledgeBase"));
        assertThat(submitted.path("data").path("documentId").asText()).isEqualTo("handbook/operators.pdf");
        assertThat(submitted.path("data").path("source").asText()).isEqualTo("s3://ragfn-ingest-example/handbook/operators.pdf");
    }

    @Test
    void should_ignore_objects_of_other_buckets_when_s3_reports_them() {
        // given
        JsonNode event = Repo.json(Repo.sam("events/s3-object-created.json")).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.path("detail").path("bucket")).put("name", "elsewhere");

        // when
        Map<String, JsonNode> inputs = deliver(event, DEFAULT_BUS);

        // then
        assertThat(inputs).isEmpty();
    }

    @Test
    void should_deliver_the_chunks_to_embed_only_when_ingest_answers_chunks_ready() {
        // given
        JsonNode event = Repo.json(Repo.sam("events/chunks-ready-result.json"));

        // when
        Map<String, JsonNode> inputs = deliver(event, BUS);

        // then
        assertThat(inputs).containsOnlyKeys("EmbedFunction.ChunksReadyResult");
        assertThat(inputs.get("EmbedFunction.ChunksReadyResult")).isEqualTo(event.path("detail").path("responsePayload"));
    }

    @Test
    void should_send_the_sample_payload_when_the_summary_schedule_fires() throws Exception {
        // given
        JsonNode sample = Repo.json(Repo.sam("events/scheduled-summary.json"));

        // when
        String input = template.properties("SummarizeFunction").path("Events").path("DailyModelServingSummary")
                .path("Properties").path("Input").asText();

        // then
        assertThat(Repo.JSON.readTree(input)).isEqualTo(sample);
    }

    private Map<String, JsonNode> deliver(JsonNode event, String bus) {
        return eventBridge.deliver(event, bus);
    }

    private String parameter(String name) {
        return eventBridge.parameter(name);
    }
}
