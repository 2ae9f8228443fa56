package dev.ragfn.chatturn;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.ragfn.embedding.QueryEmbeddingModel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The application's embedding model, recording each text it embeds and the thread that asked; a test may also
 * hold a call back ({@link #beforeEach}) to keep a turn inside its retrieval.
 */
final class RecordingEmbeddings implements QueryEmbeddingModel {

    /** One text embedded, and the thread that embedded it. */
    record Call(String text, String thread) {
    }

    private final EmbeddingModel model;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Consumer<String> beforeEach = text -> { };

    RecordingEmbeddings(EmbeddingModel model) {
        this.model = model;
    }

    /** Runs before each text is embedded, on the thread embedding it. */
    void beforeEach(Consumer<String> action) {
        this.beforeEach = action;
    }

    List<Call> calls() {
        return calls;
    }

    @Override
    public Response<Embedding> embedQuery(String query) {
        record(query);
        return model instanceof QueryEmbeddingModel asymmetric ? asymmetric.embedQuery(query) : model.embed(query);
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        segments.forEach(segment -> record(segment.text()));
        return model.embedAll(segments);
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    private void record(String text) {
        calls.add(new Call(text, Thread.currentThread().getName()));
        beforeEach.accept(text);
    }
}
