package dev.ragfn.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.domain.Chunk;
import dev.ragfn.core.domain.Document;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.event.ChunksReady;
import dev.ragfn.core.event.DocumentIndexed;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.IndexedChunk;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.runtime.observe.RagfnMeters;
import dev.ragfn.runtime.observe.RagfnTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Embeds a document's stored chunks in bounded batches and writes them to the index under the
 * document's version, then retires the chunks of older versions. Chunk ids are deterministic, so a
 * retry after a failure half way overwrites what was written instead of duplicating it.
 * <p>
 * Versions keep concurrent submissions of one document from mixing: a version's chunks never
 * overwrite another's, every embed retires the versions below the one stored when its own writes
 * are done (so a slower, older embed cleans up after itself), and the status becomes INDEXED only
 * by a conditional write for the version that was embedded, after the index has made its chunks
 * durable.
 */
@ApplicationScoped
public class EmbedService {

    private static final Logger LOG = Logger.getLogger(EmbedService.class);

    private final DocumentStore store;
    private final VectorIndex index;
    private final EmbeddingModel model;
    private final int batchSize;
    private final Clock clock;

    @Inject
    public EmbedService(DocumentStore store, VectorIndex index, EmbeddingModel model, RagfnConfig config) {
        this(store, index, model, config.embedding().batchSize(), Clock.systemUTC());
    }

    public EmbedService(DocumentStore store, VectorIndex index, EmbeddingModel model, int batchSize, Clock clock) {
        this.store = store;
        this.index = index;
        this.model = model;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /** Empty when there is nothing to do: the document is gone, already indexed, or superseded. */
    public Optional<DocumentIndexed> embed(ChunksReady ready) {
        DocumentRef ref = DocumentRef.of(ready.tenant(), ready.knowledgeBase(), ready.documentId());
        Optional<Document> found = store.findDocument(ref);
        if (found.isEmpty() || !isVersionOf(ready, found.get())) {
            LOG.infof("Skipping %s: document deleted or replaced by a newer version", ref);
            return Optional.empty();
        }
        Document document = found.get();
        if (document.status() == DocumentStatus.INDEXED) {
            LOG.debugf("Skipping %s: this version is already indexed", ref);
            return Optional.empty();
        }
        long started = System.nanoTime();
        List<Chunk> chunks = store.listChunks(ref);
        for (int from = 0; from < chunks.size(); from += batchSize) {
            index.upsert(toIndexed(document, chunks.subList(from, Math.min(chunks.size(), from + batchSize))));
        }
        if (!retireOlderVersions(document)) {
            LOG.infof("Dropped %s version %d: replaced by a newer version while embedding", ref, document.version());
            return Optional.empty();
        }
        if (!store.putIfVersion(document.withStatus(DocumentStatus.INDEXED, "", clock.instant()))) {
            LOG.infof("Dropped %s version %d: replaced or deleted while embedding", ref, document.version());
            return Optional.empty();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("Indexed %s: %d chunks in %d ms", ref, chunks.size(), millis);
        return Optional.of(new DocumentIndexed(ready.tenant(), ready.knowledgeBase(), ready.documentId(),
                ready.contentHash(), chunks.size(), millis));
    }

    /** Events from before versions carry version 0 and are matched by content hash alone. */
    private static boolean isVersionOf(ChunksReady ready, Document document) {
        return document.contentHash().equals(ready.contentHash())
                && (ready.version() == 0 || ready.version() == document.version());
    }

    /**
     * Retires the versions below the one stored now, which is this one unless a newer version or a
     * delete came in while embedding; then this version's chunks go too and the answer is false.
     */
    private boolean retireOlderVersions(Document embedded) {
        long current = store.findDocument(embedded.ref()).map(Document::version).orElse(0L);
        boolean stillCurrent = current == embedded.version();
        index.retireVersionsBefore(embedded.ref(), stillCurrent ? current : Math.max(current, embedded.version() + 1));
        return stillCurrent;
    }

    private List<IndexedChunk> toIndexed(Document document, List<Chunk> batch) {
        List<TextSegment> segments = batch.stream().map(c -> TextSegment.from(c.searchText())).toList();
        long started = System.nanoTime();
        Span span = RagfnTracing.start("embeddings", SpanKind.CLIENT);
        List<Embedding> embeddings;
        try (Scope ignored = span.makeCurrent()) {
            span.setAttribute("gen_ai.operation.name", "embeddings");
            span.setAttribute("ragfn.embedding.texts", segments.size());
            embeddings = model.embedAll(segments).content();
        } finally {
            span.end();
        }
        RagfnMeters.embeddingBatch(segments.size(), System.nanoTime() - started);
        List<IndexedChunk> indexed = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Chunk chunk = batch.get(i);
            indexed.add(new IndexedChunk(chunk.document(), chunk.id(), chunk.position(), document.title(),
                    chunk.text(), chunk.headingPath(), embeddings.get(i).vector(), document.source(), document.tags(),
                    chunk.metadata(), document.date(), document.version()));
        }
        return indexed;
    }
}
