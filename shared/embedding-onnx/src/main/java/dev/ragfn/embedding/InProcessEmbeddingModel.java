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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * </ul>
 * Vectors are pooled as the model was trained (MiniLM: the mean of the token vectors under the
 * attention mask, LangChain4j's pooling, so short texts get the same vectors, tested; bge: the
 * [CLS] vector), normalised. Queries get the model's instruction through {@link #embedQuery}.
 */
public final class InProcessEmbeddingModel extends DimensionAwareEmbeddingModel implements QueryEmbeddingModel {

    /** Texts per inference: large enough to fill the cores, small enough to pad little. */
    private static final int BATCH = 16;

    /**
     * How long shutdown waits for running inferences before the sessions are closed: a batch takes well
     * under a second, and Knative allows 30 s between SIGTERM and SIGKILL.
     */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(InProcessEmbeddingModel.class);
    private static final OrtEnvironment ENVIRONMENT = OrtEnvironment.getEnvironment();
    /** One session per model and JVM: loading one takes a second and its weights are shared by every caller. */
    private static final Map<InProcessModel, OrtSession> SESSIONS = new ConcurrentHashMap<>();
    private static final InferenceGate GATE = new InferenceGate();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(InProcessEmbeddingModel::closeSessions, "ragfn-onnx-shutdown"));
    }

    private final InProcessModel model;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;

    public InProcessEmbeddingModel(InProcessModel model) {
        this(model, model.maxTokens());
    }

    /** Reads at most {@code maxTokens} of a text (for evaluations that compare reading lengths). */
    public InProcessEmbeddingModel(InProcessModel model, int maxTokens) {
        this.model = model;
        this.session = SESSIONS.computeIfAbsent(model, InProcessEmbeddingModel::loadSession);
        this.tokenizer = loadTokenizer(model, maxTokens + 2);
    }

    @Override
    public Response<Embedding> embedQuery(String query) {
        return embed(model.queryInstruction() + query);
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
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
        return GATE.run(() -> infer(batch));
    }

    private float[][] infer(List<Encoding> batch) {
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
            inputs.put("input_ids", OnnxTensor.createTensor(ENVIRONMENT, ids));
            inputs.put("attention_mask", OnnxTensor.createTensor(ENVIRONMENT, mask));
            if (session.getInputNames().contains("token_type_ids")) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(ENVIRONMENT, types));
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

    /** At JVM exit: no new inference, the running ones finish (for at most {@link #SHUTDOWN_WAIT}), then the sessions close. */
    private static void closeSessions() {
        boolean closed = GATE.close(SHUTDOWN_WAIT, () -> SESSIONS.values().forEach(session -> {
            try {
                session.close();
            } catch (OrtException e) {
                LOG.debugf(e, "Closing an in-process embedding session failed");
            }
        }));
        if (!closed) {
            LOG.warnf("An in-process embedding was still running after %s; the sessions stay open", SHUTDOWN_WAIT);
        }
    }

    private static OrtSession loadSession(InProcessModel model) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             InputStream onnx = EmbeddingModels.resource(model.modelFile(), model.artifact())) {
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            return ENVIRONMENT.createSession(onnx.readAllBytes(), options);
        } catch (OrtException e) {
            throw new IllegalStateException("Failed to load the in-process embedding model " + model.modelFile(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the in-process embedding model " + model.modelFile(), e);
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
}
