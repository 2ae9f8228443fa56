package dev.ragfn.ingest;

import dev.ragfn.core.domain.Chunk;
import dev.ragfn.core.domain.Dates;
import dev.ragfn.core.domain.Document;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.domain.KnowledgeBase;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.core.error.RagfnException;
import dev.ragfn.core.error.TooLargeException;
import dev.ragfn.core.event.ChunksReady;
import dev.ragfn.core.event.DocumentFailed;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.ingest.chunk.ChunkDraft;
import dev.ragfn.ingest.chunk.StructureAwareChunker;
import dev.ragfn.ingest.parse.Deadline;
import dev.ragfn.ingest.parse.ParsedDocument;
import dev.ragfn.ingest.parse.Parsers;
import dev.ragfn.ingest.source.DocumentSource;
import dev.ragfn.ingest.source.SourceContent;
import dev.ragfn.runtime.observe.RagfnMeters;
import org.jboss.logging.Logger;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fetches, parses and chunks a submitted document and stores it with its chunks. Content is
 * identified by its SHA-256, so the same content submitted again changes nothing, and chunk ids
 * are hashes of chunk text, so a retried or partly repeated ingestion rewrites the same ids.
 * A submission whose content cannot be ingested marks the document FAILED with the reason instead
 * of throwing, so the platform does not redeliver it in a loop; only a submission without a usable
 * document id is refused with an InvalidInputException, as there is no document to mark.
 * <p>
 * Content counts as unchanged only when that version is INDEXED and the index holds its chunks:
 * anything else (CHUNKED, FAILED, chunks missing after a crash) is processed again, so a re-run
 * repairs it. Each accepted submission is stored as a new document version, and its chunks are
 * written for that version only, so concurrent submissions of one document never mix.
 */
public final class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);

    private final DocumentStore store;
    private final VectorIndex index;
    private final DocumentSource sources;
    private final Parsers parsers;
    private final StructureAwareChunker chunker;
    private final IngestConfig config;
    private final int embeddingDimension;
    private final Clock clock;

    public IngestService(DocumentStore store, VectorIndex index, DocumentSource sources, Parsers parsers,
                         StructureAwareChunker chunker, IngestConfig config, int embeddingDimension, Clock clock) {
        this.store = store;
        this.index = index;
        this.sources = sources;
        this.parsers = parsers;
        this.chunker = chunker;
        this.config = config;
        this.embeddingDimension = embeddingDimension;
        this.clock = clock;
    }

    public IngestOutcome ingest(KnowledgeBaseRef kb, SubmitDocument submission) {
        String documentId = documentId(submission);
        DocumentRef ref = kb.document(documentId);
        requireKnowledgeBase(kb);
        try {
            SourceContent content = fetch(submission);
            String hash = "sha256:" + sha256(content.bytes());
            Optional<Document> existing = store.findDocument(ref);
            if (existing.isPresent() && existing.get().contentHash().equals(hash) && isWhole(existing.get())) {
                LOG.infof("Unchanged %s (%s): nothing to do", ref, hash);
                RagfnMeters.documentIngested("unchanged", 0, content.bytes().length);
                return new IngestOutcome.Unchanged(documentId, hash);
            }
            Deadline deadline = Deadline.after(config.parseTimeout(), "Document '" + documentId + "' took longer than "
                    + config.parseTimeout().toSeconds() + " s to parse and chunk, over ragfn.ingest.parse-timeout: "
                    + "split it into smaller documents, or raise the limit");
            ParsedDocument parsed = parsers.parse(content.bytes(), content.contentType(), content.name(), deadline);
            List<Chunk> chunks = toChunks(ref, chunker.chunk(parsed.sections(), config.maxChunksPerDocument(), deadline));
            if (chunks.isEmpty()) {
                throw new InvalidInputException(documentId + " contains no text to index");
            }
            Map<String, String> metadata = new HashMap<>(parsed.metadata());
            metadata.putAll(submission.metadata());
            Instant date = date(metadata.remove(Dates.METADATA_KEY));
            Document stored = store.putNewVersion(new Document(ref, title(submission, parsed, documentId),
                    content.location(), parsed.contentType(), hash, DocumentStatus.CHUNKED, "", chunks.size(),
                    submission.tags(), date, metadata, clock.instant(), 0));
            if (!store.replaceChunks(ref, stored.version(), chunks)) {
                LOG.infof("Superseded %s version %d (%s): a newer submission came in", ref, stored.version(), hash);
                RagfnMeters.documentIngested("superseded", 0, content.bytes().length);
                return new IngestOutcome.Superseded(documentId, hash);
            }
            LOG.infof("Chunked %s: %d chunks (%s, version %d)", ref, chunks.size(), hash, stored.version());
            RagfnMeters.documentIngested("chunked", chunks.size(), content.bytes().length);
            return new IngestOutcome.Chunked(new ChunksReady(kb.tenant(), kb.knowledgeBase(), documentId, hash,
                    chunks.size(), stored.version()));
        } catch (InvalidInputException | TooLargeException | NotFoundException e) {
            return fail(ref, submission, e);
        }
    }

    private IngestOutcome fail(DocumentRef ref, SubmitDocument submission, RagfnException e) {
        LOG.warnf("Failed to ingest %s: %s", ref, e.getMessage());
        RagfnMeters.ingestFailed(e.kind().name().toLowerCase(Locale.ROOT));
        Document failed = new Document(ref, submission.title(), submission.source(), submission.contentType(), "",
                DocumentStatus.FAILED, e.getMessage(), 0, submission.tags(), null, submission.metadata(),
                clock.instant(), 0);
        store.putNewVersion(failed);
        return new IngestOutcome.Failed(new DocumentFailed(ref.tenant(), ref.knowledgeBase().knowledgeBase(),
                ref.documentId(), "ingest", e.getMessage()));
    }

    /** Indexed, and the index holds every chunk of that version (a crash or a lost index can break that). */
    private boolean isWhole(Document document) {
        if (document.status() != DocumentStatus.INDEXED) {
            return false;
        }
        long present = index.chunkKeys(document.ref()).stream().filter(k -> k.version() == document.version()).count();
        return present == document.chunkCount();
    }

    private void requireKnowledgeBase(KnowledgeBaseRef kb) {
        if (store.findKnowledgeBase(kb).isPresent()) {
            return;
        }
        if (!config.createKnowledgeBases()) {
            throw new NotFoundException("knowledge base " + kb
                    + " does not exist; create it first or set ragfn.ingest.create-knowledge-bases=true");
        }
        store.createKnowledgeBase(new KnowledgeBase(kb, kb.knowledgeBase(), "", embeddingDimension, clock.instant()));
    }

    private SourceContent fetch(SubmitDocument submission) {
        boolean hasText = submission.text() != null && !submission.text().isEmpty();
        boolean hasBytes = submission.contentBase64() != null && !submission.contentBase64().isEmpty();
        boolean hasSource = submission.source() != null && !submission.source().isBlank();
        if ((hasText ? 1 : 0) + (hasBytes ? 1 : 0) + (hasSource ? 1 : 0) != 1) {
            throw new InvalidInputException("give exactly one of 'text' (inline content), 'contentBase64' (inline "
                    + "bytes) or 'source' (a URL, s3://bucket/key or local path) for document " + submission.documentId());
        }
        if (hasText || hasBytes) {
            byte[] bytes = hasText ? submission.text().getBytes(StandardCharsets.UTF_8) : decode(submission);
            if (bytes.length > config.maxDocumentBytes()) {
                throw new TooLargeException("document " + submission.documentId() + " is " + bytes.length
                        + " bytes, over the limit of " + config.maxDocumentBytes() + " (ragfn.ingest.max-document-bytes)");
            }
            String type = submission.contentType() != null ? submission.contentType() : hasText ? "text/plain" : null;
            return new SourceContent(bytes, type, submission.documentId(), "inline:" + submission.documentId());
        }
        SourceContent fetched = sources.fetch(location(submission.source()));
        return submission.contentType() == null ? fetched
                : new SourceContent(fetched.bytes(), submission.contentType(), fetched.name(), fetched.location());
    }

    private static byte[] decode(SubmitDocument submission) {
        try {
            return Base64.getDecoder().decode(submission.contentBase64());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("contentBase64 of document " + submission.documentId()
                    + " is not base64: " + e.getMessage());
        }
    }

    private static URI location(String source) {
        try {
            URI uri = URI.create(source.strip());
            return uri.getScheme() == null ? URI.create("file:" + uri.getPath()) : uri;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("source '" + source + "' is not a valid URI: " + e.getMessage());
        }
    }

    private static String documentId(SubmitDocument submission) {
        if (submission.documentId() != null && !submission.documentId().isBlank()) {
            return Ids.id("documentId", submission.documentId());
        }
        if (submission.source() != null && !submission.source().isBlank()) {
            return Ids.id("documentId", submission.source().strip());
        }
        throw new InvalidInputException("a submission needs a documentId (or a source to derive it from)");
    }

    /**
     * Ids are hashes of what is embedded (heading path and text), so unchanged passages keep their ids across
     * versions, and those of chunks stored before the heading path was a field.
     */
    private static List<Chunk> toChunks(DocumentRef ref, List<ChunkDraft> drafts) {
        List<Chunk> chunks = new ArrayList<>(drafts.size());
        Set<String> used = new HashSet<>();
        for (ChunkDraft draft : drafts) {
            String id = sha256(draft.searchText().getBytes(StandardCharsets.UTF_8)).substring(0, 20);
            for (int n = 2; !used.add(id); n++) {
                id = id.substring(0, 20) + "-" + n;
            }
            chunks.add(new Chunk(ref, id, draft.position(), draft.text(), draft.headingPath(), draft.tokenCount(),
                    draft.sectionMetadata()));
        }
        return chunks;
    }

    private static String title(SubmitDocument submission, ParsedDocument parsed, String documentId) {
        if (submission.title() != null && !submission.title().isBlank()) {
            return submission.title();
        }
        return parsed.title() != null && !parsed.title().isBlank() ? parsed.title() : documentId;
    }

    /** Every document gets a date for date filters: the submitter's, else the file's own, else the time of ingestion. */
    private Instant date(String given) {
        return given == null ? clock.instant() : Dates.parse("metadata '" + Dates.METADATA_KEY + "'", given);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
