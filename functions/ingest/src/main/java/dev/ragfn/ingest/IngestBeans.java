package dev.ragfn.ingest;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.embedding.EmbeddingModels;
import dev.ragfn.ingest.chunk.ChunkingOptions;
import dev.ragfn.ingest.chunk.StructureAwareChunker;
import dev.ragfn.ingest.parse.Parsers;
import dev.ragfn.runtime.net.AddressPolicy;
import dev.ragfn.ingest.source.DocumentSource;
import dev.ragfn.ingest.source.LocalFileSource;
import dev.ragfn.ingest.source.S3Clients;
import dev.ragfn.ingest.source.S3Source;
import dev.ragfn.ingest.source.Sources;
import dev.ragfn.ingest.source.UrlSource;
import dev.ragfn.aws.LocalCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Wires the ingest service from configuration. */
@ApplicationScoped
public class IngestBeans {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @Produces
    @Singleton
    IngestService ingestService(DocumentStore store, VectorIndex index, RagfnConfig ragfn, IngestConfig config) {
        List<DocumentSource> sources = new ArrayList<>();
        sources.add(new UrlSource(AddressPolicy.publicOnly(), config.maxDocumentBytes(), CONNECT_TIMEOUT,
                config.fetchTimeout(), config.maxRedirects()));
        config.localRoot().ifPresent(root -> sources.add(new LocalFileSource(root, config.maxDocumentBytes())));
        sources.add(new S3Source(s3(ragfn, config), config.maxDocumentBytes()));
        ChunkingOptions chunking = new ChunkingOptions(config.chunkMaxTokens(), config.chunkOverlapTokens(),
                config.chunkIncludeHeadings());
        if (ragfn.embedding().provider() == RagfnConfig.EmbeddingProvider.IN_PROCESS) {
            chunking.requireFitsInProcessModel();
        }
        StructureAwareChunker chunker = new StructureAwareChunker(EmbeddingModels.tokenizer(), chunking);
        return new IngestService(store, index, new Sources(sources), new Parsers(config.maxDocumentBytes()), chunker, config,
                ragfn.embedding().dimension(), Clock.systemUTC());
    }

    private static S3Client s3(RagfnConfig ragfn, IngestConfig config) {
        AwsCredentialsProvider credentials = config.s3Endpoint().isPresent() ? LocalCredentials.unlessInEnvironment()
                : DefaultCredentialsProvider.builder().build();
        return S3Clients.create(Region.of(ragfn.dynamodb().region()), config.s3Endpoint(), credentials,
                config.fetchTimeout());
    }
}
