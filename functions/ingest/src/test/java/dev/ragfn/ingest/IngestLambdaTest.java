package dev.ragfn.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragfn.core.domain.Chunk;
import dev.ragfn.core.domain.Document;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.ingest.parse.TestDocuments;
import dev.ragfn.ingest.source.S3ObjectServer;
import dev.ragfn.testing.MockLambda;
import dev.ragfn.testing.MockLambda.Invocation;
import dev.ragfn.testing.SamTemplate;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingest in its Lambda form: Funqy's Lambda binding calls the handler with exactly the input that the
 * rules of sam/template.yaml make of the sample events of sam/events/, through Quarkus's mock Lambda
 * event server (the Lambda runtime API over HTTP). Each test gives the sample a fresh event id and
 * knowledge base, as a new upload would have. S3 objects come over the S3 protocol from S3ObjectServer.
 */
@QuarkusTest
@WithTestResource(value = S3ObjectServer.class, scope = TestResourceScope.GLOBAL)
class IngestLambdaTest {

    private static final String BUCKET = "ragfn-ingest-example";

    @Inject
    DocumentStore store;

    @Test
    void should_answer_a_structured_chunks_ready_event_when_the_bus_delivers_a_submission() {
        // given
        String kb = newKnowledgeBase();
        JsonNode input = submitted(UUID.randomUUID().toString(), kb);

        // when
        Invocation answer = MockLambda.invoke(input);

        // then: the shape the embed rule picks out of the OnSuccess destination event
        JsonNode event = answer.json();
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("id").asText()).isNotBlank();
        assertThat(event.path("type").asText()).isEqualTo("dev.ragfn.chunks.ready");
        assertThat(event.path("source").asText()).isEqualTo("/ragfn/ingest");
        assertThat(event.path("tenant").asText()).isEqualTo("acme");
        assertThat(event.path("knowledgebase").asText()).isEqualTo(kb);
        assertThat(event.path("data").path("documentId").asText()).isEqualTo("rotate-credentials");
        assertThat(event.path("data").path("chunkCount").asInt()).isEqualTo(1);
        assertThat(store.findDocument(DocumentRef.of("acme", kb, "rotate-credentials")).orElseThrow().status())
                .isEqualTo(DocumentStatus.CHUNKED);
    }

    @Test
    void should_answer_nothing_and_change_nothing_when_the_same_event_is_delivered_again() {
        // given: Lambda retries an asynchronous invocation with the same event
        JsonNode input = submitted(UUID.randomUUID().toString(), newKnowledgeBase());
        Invocation first = MockLambda.invoke(input);
        DocumentRef ref = DocumentRef.of("acme", input.path("knowledgebase").asText(), "rotate-credentials");
        Document stored = store.findDocument(ref).orElseThrow();

        // when
        Invocation second = MockLambda.invoke(input);

        // then
        assertThat(first.json().path("type").asText()).isEqualTo("dev.ragfn.chunks.ready");
        assertThat(second.failed()).isFalse();
        assertThat(second.json()).isNull();
        assertThat(store.findDocument(ref)).contains(stored);
    }

    @Test
    void should_ingest_the_object_when_s3_reports_it_created_in_the_ingest_bucket() {
        // given
        String kb = newKnowledgeBase();
        byte[] pdf = TestDocuments.pdf("Operators", "Install the operator from OperatorHub, then create its subscription.");
        S3ObjectServer.put(BUCKET, "handbook/operators.pdf", pdf, "application/pdf");
        JsonNode input = objectCreated(kb);

        // when
        Invocation answer = MockLambda.invoke(input);

        // then
        JsonNode event = answer.json();
        assertThat(event.path("type").asText()).isEqualTo("dev.ragfn.chunks.ready");
        assertThat(event.path("tenant").asText()).isEqualTo("default");
        assertThat(event.path("knowledgebase").asText()).isEqualTo(kb);
        DocumentRef ref = DocumentRef.of("default", kb, "handbook/operators.pdf");
        Document document = store.findDocument(ref).orElseThrow();
        assertThat(document.source()).isEqualTo("s3://" + BUCKET + "/handbook/operators.pdf");
        assertThat(document.title()).isEqualTo("Operators");
        assertThat(store.listChunks(ref)).extracting(Chunk::text).singleElement().asString()
                .contains("Install the operator from OperatorHub");
        assertThat(S3ObjectServer.gets(BUCKET, "handbook/operators.pdf")).isPositive();
    }

    @Test
    void should_answer_document_failed_when_the_reported_object_is_gone() {
        // given: the object was deleted before the event arrived
        JsonNode input = objectCreated(newKnowledgeBase());
        ((ObjectNode) input.path("data")).put("documentId", "gone.pdf").put("source", "s3://" + BUCKET + "/gone.pdf");

        // when
        Invocation answer = MockLambda.invoke(input);

        // then
        JsonNode event = answer.json();
        assertThat(event.path("type").asText()).isEqualTo("dev.ragfn.document.failed");
        assertThat(event.path("data").path("reason").asText()).contains("s3://" + BUCKET + "/gone.pdf", "does not exist");
    }

    @Test
    void should_fail_the_invocation_naming_the_tenant_when_the_event_has_none() {
        // given: Lambda retries a failed invocation twice, then sends it to the dead-letter queue with this error
        ObjectNode input = (ObjectNode) submitted(UUID.randomUUID().toString(), newKnowledgeBase());
        input.remove("tenant");
        ((ObjectNode) input.path("data")).remove("tenant");

        // when
        Invocation answer = MockLambda.invoke(input);

        // then
        assertThat(answer.failed()).isTrue();
        assertThat(answer.json().path("errorMessage").asText())
                .contains("InvalidInputException", "tenant (CloudEvent extension 'tenant' or field 'tenant') must match");
    }

    /** The DocumentSubmitted rule's input for the sample event, with the given event id and knowledge base. */
    private static JsonNode submitted(String id, String kb) {
        ObjectNode event = SamTemplate.sampleEvent("document-submitted.json").deepCopy();
        ObjectNode detail = (ObjectNode) event.path("detail");
        detail.put("id", id).put("knowledgebase", kb);
        ((ObjectNode) detail.path("data")).put("knowledgeBase", kb);
        return SamTemplate.load(Map.of()).input("IngestFunction", "DocumentSubmitted", event);
    }

    /** The S3 rule's input for the sample "Object Created" event, for a stack whose uploads go to this knowledge base. */
    private static JsonNode objectCreated(String kb) {
        ObjectNode event = SamTemplate.sampleEvent("s3-object-created.json").deepCopy();
        event.put("id", UUID.randomUUID().toString());
        return SamTemplate.load(Map.of("IngestBucketName", BUCKET, "IngestKnowledgeBase", kb))
                .input("IngestFunction", "IngestBucketObjectCreated", event);
    }

    private static String newKnowledgeBase() {
        return "kb-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
