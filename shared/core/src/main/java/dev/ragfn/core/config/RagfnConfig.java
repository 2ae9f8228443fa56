package dev.ragfn.core.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Every ragfn setting, with its default. Each key can be set in application.properties or as an
 * environment variable (RAGFN_OPENSEARCH_URL for ragfn.opensearch.url). README's configuration
 * table lists them all, and a test keeps the two in step.
 */
@ConfigMapping(prefix = "ragfn")
public interface RagfnConfig {

    /** Which document store to use: embedded (in-process, on local disk) or dynamodb. */
    @WithDefault("embedded")
    StoreKind store();

    /** Which vector/text index to use: lucene (in-process, on local disk) or opensearch. */
    @WithDefault("lucene")
    IndexKind index();

    /** Directory for the embedded store and index; relative paths resolve against the working directory. */
    @WithDefault(".ragfn/data")
    Path dataDir();

    Embedding embedding();

    Bedrock bedrock();

    DynamoDb dynamodb();

    OpenSearch opensearch();

    enum StoreKind { EMBEDDED, DYNAMODB }

    enum EmbeddingProvider { IN_PROCESS, OPENAI, BEDROCK }

    interface Embedding {

        /** in-process (all-MiniLM-L6-v2 or bge-small-en-v1.5 on ONNX, offline), openai (any OpenAI-compatible /v1/embeddings endpoint) or bedrock (Amazon Titan Text Embeddings). */
        @WithDefault("in-process")
        EmbeddingProvider provider();

        /** Dimension of the vectors; must match the model (384 for all-MiniLM-L6-v2). */
        @WithDefault("384")
        int dimension();

        /** Texts per embedding call; bounds memory per batch. */
        @WithDefault("32")
        int batchSize();

        /** Base URL of the OpenAI-compatible endpoint (vLLM, Ollama, OpenShift AI), for provider openai. */
        @WithDefault("http://127.0.0.1:8000/v1")
        URI baseUrl();

        /** Model name; unset means all-minilm-l6-v2 in process (or bge-small-en-v1.5-q), text-embedding-3-small for openai and amazon.titan-embed-text-v2:0 for bedrock. */
        Optional<String> model();

        /** API key for the OpenAI-compatible endpoint, from the environment (RAGFN_EMBEDDING_API_KEY). */
        Optional<String> apiKey();

        /**
         * Send the dimension with each openai request, asking the model to shorten its vectors
         * (OpenAI text-embedding-3, Matryoshka models); vLLM refuses it for other models.
         */
        @WithDefault("false")
        boolean sendDimension();

        /** How long one call to a remote embedding model may take, connection and retries included. */
        @WithDefault("PT30S")
        Duration timeout();
    }

    /** Amazon Bedrock for the embedding model; chat-turn's chat model has its own settings of this shape (ragfn.chat.bedrock). */
    interface Bedrock {

        /** AWS region of Amazon Bedrock. */
        @WithDefault("us-east-1")
        String region();

        /** Endpoint override of Bedrock Runtime (a VPC endpoint, or a local server in tests); unset means the region's. */
        Optional<URI> endpoint();
    }

    enum IndexKind { LUCENE, OPENSEARCH }

    interface DynamoDb {

        /** Endpoint override, such as a local DynamoDB-compatible server; unset means the AWS endpoint of the region. */
        Optional<URI> endpoint();

        /** AWS region of the tables. */
        @WithDefault("us-east-1")
        String region();

        /** Prefix of every table name, so several deployments can share an account. */
        @WithDefault("ragfn-")
        String tablePrefix();

        /** Create missing tables at start-up (local use); in AWS the SAM template creates them. */
        @WithDefault("false")
        boolean createTables();
    }

    enum OpenSearchAuth { NONE, BASIC, AWS_SIGV4 }

    enum AwsService { ES, AOSS }

    interface OpenSearch {

        /** Base URL of the OpenSearch cluster. */
        @WithDefault("http://127.0.0.1:9200")
        URI url();

        /** Name of the index holding all chunks (tenant and knowledge base are fields inside it). */
        @WithDefault("ragfn-chunks")
        String indexName();

        /**
         * How requests are authenticated: none, basic (username and password) or aws-sigv4 (IAM-signed, for
         * Amazon OpenSearch Service and Serverless); unset means basic when a username is set, else none.
         */
        Optional<OpenSearchAuth> auth();

        /** The AWS service an aws-sigv4 request is signed for: es (OpenSearch Service domain) or aoss (Serverless collection). */
        @WithDefault("es")
        AwsService awsService();

        /** AWS region of the domain or collection, for aws-sigv4 signing. */
        @WithDefault("us-east-1")
        String awsRegion();

        /** Basic-auth user name, for auth basic. */
        Optional<String> username();

        /** Basic-auth password, from the environment (RAGFN_OPENSEARCH_PASSWORD). */
        Optional<String> password();

        /** Primary shards of a newly created index (not sent to Serverless, which manages shards itself). */
        @WithDefault("1")
        int shards();

        /** Replicas of a newly created index; 0 on a single node (not sent to Serverless). */
        @WithDefault("0")
        int replicas();

        /** HNSW candidate list size at query time; higher means better recall and slower queries. */
        @WithDefault("100")
        int efSearch();
    }
}
