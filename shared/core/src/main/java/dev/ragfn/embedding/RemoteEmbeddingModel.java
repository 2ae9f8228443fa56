package dev.ragfn.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.RagfnException;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A model behind a network call, held to the configured dimension: a vector of another size would
 * only fail later, inside the index, without saying why. Its failures name the model and where it
 * runs, retryable or not as {@link #failure} decides.
 */
public final class RemoteEmbeddingModel implements EmbeddingModel {

    private final EmbeddingModel delegate;
    private final String description;
    private final int dimension;
    private final BiFunction<String, RuntimeException, Optional<RagfnException>> providerFailure;

    /** @param description the model and its endpoint, as error messages name them */
    public RemoteEmbeddingModel(EmbeddingModel delegate, String description, int dimension) {
        this(delegate, description, dimension, (model, e) -> Optional.empty());
    }

    /**
     * @param providerFailure reads a provider's own error out of what its client threw (the AWS SDK's
     *                        status and error code), given the description; empty for anything else
     */
    public RemoteEmbeddingModel(EmbeddingModel delegate, String description, int dimension,
                                BiFunction<String, RuntimeException, Optional<RagfnException>> providerFailure) {
        this.delegate = delegate;
        this.description = description;
        this.dimension = dimension;
        this.providerFailure = providerFailure;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        if (segments.isEmpty()) {
            return Response.from(List.of());
        }
        Response<List<Embedding>> response;
        try {
            response = delegate.embedAll(segments);
        } catch (RagfnException e) {
            throw e;
        } catch (RuntimeException e) {
            throw translate(e);
        }
        for (Embedding vector : response.content()) {
            if (vector.dimension() != dimension) {
                throw new InvalidInputException("The embedding " + description + " returned " + vector.dimension()
                        + "-dimensional vectors but ragfn.embedding.dimension is " + dimension + "; set it to "
                        + vector.dimension() + " (for a new index), or use a model that returns " + dimension
                        + " (ragfn.embedding.send-dimension asks models that can shorten their vectors)");
            }
        }
        return response;
    }

    /**
     * Throttling, time-outs and server errors may pass, so the platform may retry them; any other
     * refusal (a bad key, a text the model does not accept) would only repeat.
     *
     * @param status the HTTP status of the provider's answer, 0 when there was none
     */
    public static RagfnException failure(String message, int status, Throwable cause) {
        boolean retryable = status == 0 || status == 408 || status == 429 || status >= 500;
        return retryable ? new EmbeddingModelUnavailableException(message, cause) : new InvalidInputException(message, cause);
    }

    private RagfnException translate(RuntimeException e) {
        return providerFailure.apply(description, e).orElseGet(() -> failure("The embedding " + description
                + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage()
                + "; retry later, or check ragfn.embedding.*", 0, e));
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String modelName() {
        return delegate.modelName();
    }
}
