package dev.ragfn.ingest;

import dev.ragfn.core.event.ChunksReady;
import dev.ragfn.core.event.DocumentFailed;

/** What ingesting one submission led to. */
public sealed interface IngestOutcome {

    /** New content was chunked and stored; embed takes it from here. */
    record Chunked(ChunksReady event) implements IngestOutcome {
    }

    /** The same content is already stored for this document: nothing to do. */
    record Unchanged(String documentId, String contentHash) implements IngestOutcome {
    }

    /** A newer submission of the same document was stored while this one was chunked: it wins, nothing to do. */
    record Superseded(String documentId, String contentHash) implements IngestOutcome {
    }

    /** The submission cannot be ingested as it is; the reason says what to fix. */
    record Failed(DocumentFailed event) implements IngestOutcome {
    }
}
