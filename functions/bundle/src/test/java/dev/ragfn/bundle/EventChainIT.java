package dev.ragfn.bundle;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.bundle.broker.LocalBroker;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.event.DocumentIndexed;
import dev.ragfn.core.event.EventAttributes;
import dev.ragfn.core.event.EventTypes;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.SearchFilter;
import dev.ragfn.core.port.SearchScope;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.index.opensearch.OpenSearchVectorIndex;
import dev.ragfn.ingest.SubmitDocument;
import dev.ragfn.store.dynamodb.DynamoDbDocumentStore;
import io.quarkus.funqy.knative.events.CloudEvent;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** ingest, then embed, then indexed: the whole chain on OpenSearch and DynamoDB, real servers both. */
@QuarkusTest
@TestProfile(RealServersProfile.class)
// The same resources as ChatEndToEndIT, so both run in one application: no restart, one tokenizer.
@WithTestResource(value = FakeChatModel.class, scope = TestResourceScope.GLOBAL)
class EventChainIT {

    @Inject
    LocalBroker broker;
    @Inject
    DocumentStore store;
    @Inject
    VectorIndex index;
    @Inject
    EmbeddingModel model;

    @Test
    void should_index_a_submitted_document_and_replace_it_when_new_content_arrives() {
        assertThat(store).isInstanceOf(DynamoDbDocumentStore.class);
        assertThat(index).isInstanceOf(OpenSearchVectorIndex.class);
        DocumentRef ref = DocumentRef.of("acme", "ops", "runbook.md");

        List<CloudEvent<?>> first = submit(ref, "# Runbook\n\n## Paging\n\nThe on-call engineer acknowledges pages within five minutes.");
        List<CloudEvent<?>> second = submit(ref, "# Runbook\n\n## Paging\n\nPages are acknowledged within two minutes now.");

        assertThat(first).singleElement().satisfies(e -> assertThat(e.type()).isEqualTo(EventTypes.DOCUMENT_INDEXED));
        assertThat(second).singleElement().extracting(CloudEvent::data).isInstanceOf(DocumentIndexed.class);
        assertThat(store.findDocument(ref).orElseThrow().status()).isEqualTo(DocumentStatus.INDEXED);
        var hits = index.vectorSearch(SearchScope.of(ref.knowledgeBase()),
                model.embed("how fast must pages be acknowledged?").content().vector(), 10, SearchFilter.none());
        assertThat(hits).extracting(h -> h.text()).singleElement().asString().contains("two minutes");
    }

    private List<CloudEvent<?>> submit(DocumentRef ref, String markdown) {
        return broker.publish(EventTypes.DOCUMENT_SUBMITTED, "/tests",
                Map.of(EventAttributes.TENANT, ref.tenant(), EventAttributes.KNOWLEDGE_BASE, ref.knowledgeBase().knowledgeBase()),
                new SubmitDocument(null, null, ref.documentId(), null, markdown, null, "text/markdown", List.of(), Map.of()));
    }
}
