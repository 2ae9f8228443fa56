package dev.ragfn.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;

/**
 * An embedding model that embeds a search query differently from a passage (bge-small-en-v1.5
 * wants an instruction before queries). LangChain4j's {@link EmbeddingModel} has no such notion.
 */
public interface QueryEmbeddingModel extends EmbeddingModel {

    Response<Embedding> embedQuery(String query);

    /** A query's vector: with the model's query form when it has one, else as any text. */
    static float[] embedQuery(EmbeddingModel model, String query) {
        Response<Embedding> embedded = model instanceof QueryEmbeddingModel asymmetric
                ? asymmetric.embedQuery(query) : model.embed(query);
        return embedded.content().vector();
    }
}
