package dev.ragfn.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.DimensionAwareEmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import dev.ragfn.core.json.Json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A model of LangChain4j's in-process jars (all-MiniLM-L6-v2, bge-small-en-v1.5) on ONNX Runtime,
 * run in batches.
 * <ul>
 *   <li>Texts go through the model several at a time, sorted by length so that little padding is
 *   computed: ONNX Runtime spreads one batch's matrix products over every core. LangChain4j runs
 *   one text per call on a thread each: on two cores, those concurrent calls kept one to 1.3 busy.</li>
 *   <li>A text is read up to the model's own length ({@link InProcessModel#maxTokens()}). The
 *   tokenizer.json shipped with MiniLM truncates at 128 tokens, so LangChain4j embeds only the
 *   start of a 200-token chunk: the rest would never be searchable by meaning.</li>
 *   <li>The session's worker threads sleep when idle instead of spinning, leaving the CPU to
 *   parsing, chunking and indexing.</li>
 *   <li>The session and tokenizer load on a thread of their own, started by {@link #preload} while the
 *   application starts (or by the constructor); the first embedding waits for them. On two cores the load
 *   and Quarkus's start-up then run side by side instead of one after the other.</li>
 * </ul>
 * Vectors are pooled as the model was trained (MiniLM: the mean of the token vectors under the
 * attention mask, LangChain4j's pooling, so short texts get the same vectors, tested; bge: the
 * [CLS] vector), normalised. Queries get the model's instruction through {@link #embedQuery}.
 */
public final class InProcessEmbeddingModel extends DimensionAwareEmbeddingModel implements QueryEmbeddingModel {

    /** Texts per inference: large enough to fill the cores, small enough to pad little. */
    private static final int BATCH = 16;

    /**
     * How long shutdown waits for a load or running inferences before the sessions are closed: a batch takes well
     * under a second, and Knative allows 30 s between SIGTERM and SIGKILL.
     */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    /**
     * How long an embedding waits for its model's load before it is refused (unavailable, so retried): a second on
     * an idle machine, ten under heavy load; longer means the load hangs.
     */
    static final Duration LOAD_WAIT = Duration.ofMinutes(2);

    private static final Logger LOG = Logger.getLogger(InProcessEmbeddingModel.class);
    /** One session per model and JVM: loading one takes a second and its weights are shared by every caller. */
    private static final LoadedModels<InProcessModel, Loaded> MODELS =
            new LoadedModels<>(InProcessEmbeddingModel::load, LOAD_WAIT);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(InProcessEmbeddingModel::closeSessions, "ragfn-onnx-shutdown"));
    }

    private final InProcessModel model;
    /** A tokenizer of its own when this instance reads a length other than the model's (evaluations). */
    private final Optional<HuggingFaceTokenizer> ownTokenizer;

    /** Starts loading {@code model} on a thread of its own, so that the application's start-up goes on meanwhile. */
    public InProcessEmbeddingModel(InProcessModel model) {
        this(model, model.maxTokens());
    }

    /** Reads at most {@code maxTokens} of a text (for evaluations that compare reading lengths). */
    public InProcessEmbeddingModel(InProcessModel model, int maxTokens) {
        this.model = model;
        MODELS.load(model);
        this.ownTokenizer = maxTokens == model.maxTokens() ? Optional.empty()
                : Optional.of(loadTokenizer(model, maxTokens + 2));
    }

    /**
     * Starts loading {@code model} on a thread of its own unless it has begun, and returns at once: a function
     * calls it as early in its start-up as it can, so that the two overlap.
     */
    public static void preload(InProcessModel model) {
        MODELS.load(model);
    }

    /** How the loads begun in this JVM stand, for readiness. */
    static LoadedModels.State<InProcessModel> loadState() {
        return MODELS.state();
    }

    @Override
    public Response<Embedding> embedQuery(String query) {
        return embed(model.queryInstruction() + query);
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        HuggingFaceTokenizer tokenizer = ownTokenizer.orElseGet(() -> MODELS.await(model).tokenizer());
        List<Encoding> encodings = new ArrayList<>(segments.size());
        for (TextSegment segment : segments) {
            encodings.add(tokenizer.encode(segment.text()));
        }
        Integer[] byLength = new Integer[segments.size()];
        Arrays.setAll(byLength, i -> i);
        Arrays.sort(byLength, Comparator.comparingInt(i -> encodings.get(i).getIds().length));
        Embedding[] embeddings = new Embedding[segments.size()];
        int tokens = 0;
        for (int from = 0; from < byLength.length; from += BATCH) {
            List<Integer> batch = Arrays.asList(byLength).subList(from, Math.min(byLength.length, from + BATCH));
            float[][] vectors = embed(batch.stream().map(encodings::get).toList());
            for (int i = 0; i < batch.size(); i++) {
                embeddings[batch.get(i)] = Embedding.from(vectors[i]);
                tokens += encodings.get(batch.get(i)).getIds().length;
            }
        }
        return Response.from(Arrays.asList(embeddings), new TokenUsage(tokens));
    }

    @Override
    protected Integer knownDimension() {
        return model.dimension();
    }

    @Override
    public String toString() {
        return model.configName() + " (in process)";
    }

    private float[][] embed(List<Encoding> batch) {
        return MODELS.run(model, loaded -> infer(loaded.session(), batch));
    }

    private float[][] infer(OrtSession session, List<Encoding> batch) {
        int length = batch.getLast().getIds().length;
        long[][] ids = new long[batch.size()][length];
        long[][] mask = new long[batch.size()][length];
        long[][] types = new long[batch.size()][length];
        for (int i = 0; i < batch.size(); i++) {
            Encoding encoding = batch.get(i);
            System.arraycopy(encoding.getIds(), 0, ids[i], 0, encoding.getIds().length);
            System.arraycopy(encoding.getAttentionMask(), 0, mask[i], 0, encoding.getAttentionMask().length);
            System.arraycopy(encoding.getTypeIds(), 0, types[i], 0, encoding.getTypeIds().length);
        }
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(Ort.ENVIRONMENT, ids));
            inputs.put("attention_mask", OnnxTensor.createTensor(Ort.ENVIRONMENT, mask));
            if (session.getInputNames().contains("token_type_ids")) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(Ort.ENVIRONMENT, types));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] tokenVectors = (float[][][]) result.get(0).getValue();
                return switch (model.pooling()) {
                    case MEAN -> meanPool(tokenVectors, mask);
                    case CLS -> clsPool(tokenVectors);
                };
            }
        } catch (OrtException e) {
            throw new EmbeddingModelUnavailableException("The in-process embedding model failed: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** The mean of each text's token vectors where its mask is set, scaled to unit length. */
    private static float[][] meanPool(float[][][] tokenVectors, long[][] mask) {
        float[][] pooled = new float[tokenVectors.length][];
        for (int text = 0; text < tokenVectors.length; text++) {
            float[] sum = new float[tokenVectors[text][0].length];
            for (int token = 0; token < tokenVectors[text].length; token++) {
                if (mask[text][token] == 1) {
                    for (int d = 0; d < sum.length; d++) {
                        sum[d] += tokenVectors[text][token][d];
                    }
                }
            }
            pooled[text] = normalised(sum);
        }
        return pooled;
    }

    /** The vector of each text's first token, [CLS], scaled to unit length. */
    private static float[][] clsPool(float[][][] tokenVectors) {
        float[][] pooled = new float[tokenVectors.length][];
        for (int text = 0; text < tokenVectors.length; text++) {
            pooled[text] = normalised(tokenVectors[text][0].clone());
        }
        return pooled;
    }

    private static float[] normalised(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += (double) v * v;
        }
        float scale = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
        for (int d = 0; d < vector.length; d++) {
            vector[d] *= scale;
        }
        return vector;
    }

    /** At JVM exit: no new inference, loads and running inferences finish (for at most {@link #SHUTDOWN_WAIT}), then the sessions close. */
    private static void closeSessions() {
        if (!MODELS.close(SHUTDOWN_WAIT)) {
            LOG.warnf("An in-process embedding model was still loading or in use after %s; it stays open", SHUTDOWN_WAIT);
        }
    }

    /** A model's ONNX session with the tokenizer for its own reading length. */
    record Loaded(OrtSession session, HuggingFaceTokenizer tokenizer) implements AutoCloseable {

        /** Closes the session only: tokenizing runs outside the gate, so the tokenizer stays until the process exits. */
        @Override
        public void close() throws OrtException {
            session.close();
        }
    }

    /** Runs on the load's own thread: ONNX Runtime's native library, the model file, the session, the tokenizer. */
    private static Loaded load(InProcessModel model) {
        long started = System.nanoTime();
        Loaded loaded = new Loaded(loadSession(model), loadTokenizer(model, model.maxTokens() + 2));
        LOG.debugf("Loaded the in-process embedding model %s in %d ms", model.configName(),
                (System.nanoTime() - started) / 1_000_000);
        return loaded;
    }

    private static OrtSession loadSession(InProcessModel model) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            return Ort.ENVIRONMENT.createSession(readModel(model), options);
        } catch (OrtException e) {
            throw new IllegalStateException("Failed to load the in-process embedding model " + model.modelFile()
                    + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the in-process embedding model " + model.modelFile()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * The model file, read whole into native memory: ONNX Runtime parses it from there, where a heap array
     * would be copied once more (90 MB for all-MiniLM-L6-v2) and leave that much garbage behind.
     */
    private static ByteBuffer readModel(InProcessModel model) throws IOException {
        URL url = InProcessEmbeddingModel.class.getClassLoader().getResource(model.modelFile());
        if (url == null) {
            throw new IllegalStateException(model.modelFile() + " is missing from the class path; add " + model.artifact());
        }
        URLConnection connection = url.openConnection();
        connection.setUseCaches(false);
        long size = connection.getContentLengthLong();
        try (InputStream in = connection.getInputStream()) {
            if (size < 0 || size > Integer.MAX_VALUE) {
                byte[] bytes = in.readAllBytes();
                return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
            }
            ByteBuffer buffer = ByteBuffer.allocateDirect((int) size);
            ReadableByteChannel channel = Channels.newChannel(in);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // reads until full
            }
            return buffer.flip();
        }
    }

    /** The shipped tokenizer without its own truncation and fixed padding: DJL takes a limit from either. */
    private static HuggingFaceTokenizer loadTokenizer(InProcessModel model, int maxPositions) {
        try (InputStream json = EmbeddingModels.resource(model.tokenizerFile(), model.artifact())) {
            ObjectNode tokenizer = (ObjectNode) Json.mapper().readTree(json);
            tokenizer.putNull("truncation");
            tokenizer.putNull("padding");
            return HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(Json.mapper().writeValueAsBytes(tokenizer)),
                    Map.of("padding", "false", "truncation", "true", "maxLength", String.valueOf(maxPositions)));
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the tokenizer of the in-process embedding model "
                    + model.configName(), e);
        }
    }

    /** ONNX Runtime's environment, first asked for on a load's thread: it unpacks and loads the native library. */
    private static final class Ort {
        static final OrtEnvironment ENVIRONMENT = OrtEnvironment.getEnvironment();
    }
}
