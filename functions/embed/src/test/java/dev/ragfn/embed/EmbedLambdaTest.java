package dev.ragfn.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragfn.core.domain.Chunk;
import dev.ragfn.core.domain.Document;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.domain.KnowledgeBase;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.SearchScope;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.runtime.observe.RagfnTracing;
import dev.ragfn.testing.MockLambda;
import dev.ragfn.testing.MockLambda.Invocation;
import dev.ragfn.testing.SamTemplate;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Embed in its Lambda form: Funqy's Lambda binding calls the handler with exactly the input that the
 * ChunksReadyResult rule of sam/template.yaml picks out of ingest's OnSuccess destination event
 * (sam/events/chunks-ready-result.json: the structured chunks.ready event), through Quarkus's mock
 * Lambda event server.
 */
@QuarkusTest
class EmbedLambdaTest {

    @Inject
    DocumentStore store;
    @Inject
    VectorIndex index;

    @Test
    void should_answer_a_structured_document_indexed_event_when_ingest_answered_chunks_ready() {
        // given: the document that the sample's chunks.ready answer is about, in a fresh knowledge base
        JsonNode result = SamTemplate.sampleEvent("chunks-ready-result.json").deepCopy();
        JsonNode ready = result.path("detail").path("responsePayload").path("data");
        KnowledgeBaseRef kb = new KnowledgeBaseRef(ready.path("tenant").asText(), "kb-" + UUID.randomUUID().toString().substring(0, 8));
        ((ObjectNode) ready).put("knowledgeBase", kb.knowledgeBase());
        DocumentRef ref = kb.document(ready.path("documentId").asText());
        store(ref, ready.path("contentHash").asText(), "# Rotating credentials\n\nRotate the API keys every 90 days.");
        JsonNode input = SamTemplate.load(Map.of()).input("EmbedFunction", "ChunksReadyResult", result);

        // when
        Invocation answer = MockLambda.invoke(input);

        // then
        JsonNode event = answer.json();
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("type").asText()).isEqualTo("dev.ragfn.document.indexed");
        assertThat(event.path("source").asText()).isEqualTo("/ragfn/embed");
        assertThat(event.path("tenant").asText()).isEqualTo(kb.tenant());
        assertThat(event.path("knowledgebase").asText()).isEqualTo(kb.knowledgeBase());
        assertThat(event.path("data").path("documentId").asText()).isEqualTo(ref.documentId());
        assertThat(event.path("data").path("chunkCount").asInt()).isEqualTo(1);
        assertThat(index.count(SearchScope.of(kb))).isEqualTo(1);
        assertThat(store.findDocument(ref).orElseThrow().status()).isEqualTo(DocumentStatus.INDEXED);
    }

    @Test
    void should_answer_nothing_when_the_document_changed_since_ingest_answered() {
        // given: a newer version replaced the document the answer is about
        JsonNode result = SamTemplate.sampleEvent("chunks-ready-result.json").deepCopy();
        JsonNode ready = result.path("detail").path("responsePayload").path("data");
        KnowledgeBaseRef kb = new KnowledgeBaseRef(ready.path("tenant").asText(), "kb-" + UUID.randomUUID().toString().substring(0, 8));
        ((ObjectNode) ready).put("knowledgeBase", kb.knowledgeBase());
        store(kb.document(ready.path("documentId").asText()), "sha256:newer", "# Rotating credentials\n\nEvery 30 days now.");

        // when
        Invocation answer = MockLambda.invoke(SamTemplate.load(Map.of()).input("EmbedFunction", "ChunksReadyResult", result));

        // then
        assertThat(answer.failed()).isFalse();
        assertThat(answer.json()).isNull();
        assertThat(index.count(SearchScope.of(kb))).isZero();
    }

    @Test
    void should_continue_the_senders_trace_when_the_chunks_ready_event_carries_its_trace_context() {
        // given: ingest's answer as it reaches the bus, carrying the trace of the ingestion
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String senderSpan = "00f067aa0ba902b7";
        JsonNode result = SamTemplate.sampleEvent("chunks-ready-result.json").deepCopy();
        ((ObjectNode) result.path("detail").path("responsePayload"))
                .put("traceparent", "00-" + traceId + "-" + senderSpan + "-01");
        JsonNode ready = result.path("detail").path("responsePayload").path("data");
        KnowledgeBaseRef kb = new KnowledgeBaseRef(ready.path("tenant").asText(), "kb-" + UUID.randomUUID().toString().substring(0, 8));
        ((ObjectNode) ready).put("knowledgeBase", kb.knowledgeBase());
        store(kb.document(ready.path("documentId").asText()), ready.path("contentHash").asText(), "# Keys\n\nRotate them.");
        List<ReadableSpan> ended = new CopyOnWriteArrayList<>();
        SdkTracerProvider tracing = SdkTracerProvider.builder().addSpanProcessor(ending(ended)).build();
        RagfnTracing.use(tracing.get("test"));
        Invocation answer;
        try {
            // when
            answer = MockLambda.invoke(SamTemplate.load(Map.of()).input("EmbedFunction", "ChunksReadyResult", result));
        } finally {
            RagfnTracing.use(null);
            tracing.close();
        }

        // then: the receiver's span is a child of the sender's, and the answer carries the trace on
        assertThat(answer.failed()).as(answer.body()).isFalse();
        ReadableSpan embed = ended.stream().filter(span -> span.getName().equals("embed")).findFirst().orElseThrow();
        assertThat(embed.getSpanContext().getTraceId()).isEqualTo(traceId);
        assertThat(embed.getParentSpanContext().getSpanId()).isEqualTo(senderSpan);
        assertThat(embed.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(answer.json().path("traceparent").asText()).contains(traceId);
    }

    private static SpanProcessor ending(List<ReadableSpan> ended) {
        return new SpanProcessor() {
            @Override
            public void onStart(io.opentelemetry.context.Context parent, ReadWriteSpan span) {
            }

            @Override
            public boolean isStartRequired() {
                return false;
            }

            @Override
            public void onEnd(ReadableSpan span) {
                ended.add(span);
            }

            @Override
            public boolean isEndRequired() {
                return true;
            }
        };
    }

    private void store(DocumentRef ref, String hash, String text) {
        store.createKnowledgeBase(new KnowledgeBase(ref.knowledgeBase(), "", "", 384, Instant.now()));
        store.putDocument(new Document(ref, "Rotating credentials", "inline:" + ref.documentId(), "text/markdown", hash,
                DocumentStatus.CHUNKED, "", 1, Map.of(), Instant.now()));
        store.replaceChunks(ref, List.of(new Chunk(ref, "c0", 0, text, 12, Map.of())));
    }
}
