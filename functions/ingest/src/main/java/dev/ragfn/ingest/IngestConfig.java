package dev.ragfn.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of the ingest function. */
@ConfigMapping(prefix = "ragfn.ingest")
public interface IngestConfig {

    /** Largest document accepted, in bytes, whatever its source. */
    @WithDefault("20000000")
    long maxDocumentBytes();

    /** Create a knowledge base on its first document; false makes an unknown knowledge base an error. */
    @WithDefault("true")
    boolean createKnowledgeBases();

    /** Directory that local file sources must lie under; unset disables file sources. */
    Optional<Path> localRoot();

    /** Redirects followed when fetching a URL; each hop is checked against the address policy again. */
    @WithDefault("3")
    int maxRedirects();

    /** Time allowed for fetching one URL, connection and body included. */
    @WithDefault("20s")
    Duration fetchTimeout();

    /**
     * Most chunks one document may make; a document that would make more is refused before anything of it is
     * stored or embedded.
     */
    @WithDefault("5000")
    int maxChunksPerDocument();

    /** Time allowed for parsing and chunking one document; a document that takes longer is refused. */
    @WithDefault("60s")
    Duration parseTimeout();

    /** Largest chunk, in the embedding model's tokens. */
    @WithDefault("200")
    int chunkMaxTokens();

    /** Tokens shared by consecutive chunks of a section. */
    @WithDefault("32")
    int chunkOverlapTokens();

    /** Give each chunk its heading path ("Install > Operators"), embedded and ranked with its text. */
    @WithDefault("true")
    boolean chunkIncludeHeadings();

    /**
     * Endpoint of an S3-compatible store for s3:// sources, with path-style addressing; unset means AWS S3
     * in the region of ragfn.dynamodb.region.
     */
    Optional<URI> s3Endpoint();
}
