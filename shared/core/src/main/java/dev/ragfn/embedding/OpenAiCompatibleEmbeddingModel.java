package dev.ragfn.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Embeddings from an OpenAI-compatible {@code /embeddings} endpoint (vLLM, llm-d, OpenShift AI,
 * Ollama, OpenAI), at most {@code batchSize} texts per request. Each vector goes back to the
 * position its {@code index} names: the protocol numbers the vectors rather than promising input
 * order, and LangChain4j's OpenAI client keeps them in arrival order, which is why ragfn has its own.
 */
final class OpenAiCompatibleEmbeddingModel implements EmbeddingModel {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_IN_MESSAGE = 300;

    private final URI endpoint;
    private final String model;
    private final Optional<String> apiKey;
    private final Optional<Integer> requestedDimension;
    private final int batchSize;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param baseUrl            the API base, such as {@code http://vllm:8000/v1}
     * @param requestedDimension sent as {@code dimensions} when present, asking the model to shorten its vectors
     */
    OpenAiCompatibleEmbeddingModel(URI baseUrl, String model, Optional<String> apiKey,
                                   Optional<Integer> requestedDimension, int batchSize, Duration timeout) {
        String base = baseUrl.toString();
        this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + "embeddings");
        this.model = model;
        this.apiKey = apiKey;
        this.requestedDimension = requestedDimension;
        this.batchSize = batchSize;
        this.timeout = timeout;
        // Over plain http, HTTP/2 would start as an h2c upgrade of the POST, which some servers refuse.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<Embedding> vectors = new ArrayList<>(segments.size());
        int tokens = 0;
        for (int from = 0; from < segments.size(); from += batchSize) {
            List<String> texts = segments.subList(from, Math.min(segments.size(), from + batchSize)).stream()
                    .map(TextSegment::text).toList();
            JsonNode answer = post(texts);
            vectors.addAll(vectorsInInputOrder(answer, texts.size()));
            tokens += answer.path("usage").path("prompt_tokens").asInt(0);
        }
        return Response.from(vectors, new TokenUsage(tokens));
    }

    @Override
    public String modelName() {
        return model;
    }

    @Override
    public String toString() {
        return "model " + model + " at " + endpoint;
    }

    private JsonNode post(List<String> texts) {
        ObjectNode body = JSON.createObjectNode().put("model", model).put("encoding_format", "float");
        texts.forEach(body.putArray("input")::add);
        requestedDimension.ifPresent(dimension -> body.put("dimensions", dimension));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw unavailable("did not answer within " + timeout + "; raise ragfn.embedding.timeout if the model is slow", e);
        } catch (IOException e) {
            throw unavailable("could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("was interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            String hint = response.statusCode() == 401 || response.statusCode() == 403
                    ? "check ragfn.embedding.api-key" : "retry later, or check ragfn.embedding.*";
            throw RemoteEmbeddingModel.failure("The embedding " + this + " answered HTTP " + response.statusCode() + ": "
                    + abbreviate(response.body()) + "; " + hint, response.statusCode(), null);
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw unavailable("answered something that is not JSON: " + abbreviate(response.body()), e);
        }
    }

    private List<Embedding> vectorsInInputOrder(JsonNode answer, int texts) {
        JsonNode data = answer.path("data");
        if (data.size() != texts) {
            throw unavailable("returned " + data.size() + " vectors for " + texts + " texts", null);
        }
        Embedding[] ordered = new Embedding[texts];
        for (JsonNode item : data) {
            int index = item.path("index").asInt(-1);
            if (index < 0 || index >= texts || ordered[index] != null) {
                throw unavailable("returned a vector with a missing, repeated or out-of-range index " + item.path("index"), null);
            }
            JsonNode values = item.path("embedding");
            if (!values.isArray()) {
                throw unavailable("returned an embedding that is not an array of numbers", null);
            }
            float[] vector = new float[values.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) values.get(i).asDouble();
            }
            ordered[index] = Embedding.from(vector);
        }
        return Arrays.asList(ordered);
    }

    private EmbeddingModelUnavailableException unavailable(String what, Throwable cause) {
        return new EmbeddingModelUnavailableException("The embedding " + this + " " + what, cause);
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_BODY_IN_MESSAGE ? flat : flat.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }
}
