package dev.ragfn.retrieve.eval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.ragfn.embedding.QueryEmbeddingModel;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's vectors kept in a file between evaluation runs, keyed by the exact text embedded (and
 * whether it was embedded as a query), so a changed corpus or query is embedded again. One file per
 * model (its {@code toString}); entries are appended as they are computed.
 */
final class EmbeddingCache implements QueryEmbeddingModel {

    private static final byte PASSAGE = 0;
    private static final byte QUERY = 1;

    private final EmbeddingModel model;
    private final Path file;
    private final Map<String, float[]> passages = new HashMap<>();
    private final Map<String, float[]> queries = new HashMap<>();

    private EmbeddingCache(EmbeddingModel model, Path file) {
        this.model = model;
        this.file = file;
    }

    static EmbeddingCache around(EmbeddingModel model, Path directory) {
        EmbeddingCache cache = new EmbeddingCache(model,
                directory.resolve(model.toString().replaceAll("[^A-Za-z0-9.-]+", "_") + ".vectors"));
        cache.load();
        return cache;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<TextSegment> missing = segments.stream().filter(s -> !passages.containsKey(s.text())).distinct().toList();
        if (!missing.isEmpty()) {
            List<Embedding> computed = model.embedAll(missing).content();
            for (int i = 0; i < missing.size(); i++) {
                passages.put(missing.get(i).text(), computed.get(i).vector());
                append(PASSAGE, missing.get(i).text(), computed.get(i).vector());
            }
        }
        return Response.from(segments.stream().map(s -> Embedding.from(passages.get(s.text()))).toList());
    }

    @Override
    public Response<Embedding> embedQuery(String query) {
        float[] vector = queries.get(query);
        if (vector == null) {
            vector = QueryEmbeddingModel.embedQuery(model, query);
            queries.put(query, vector);
            append(QUERY, query, vector);
        }
        return Response.from(Embedding.from(vector));
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public String toString() {
        return model.toString();
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                byte kind;
                try {
                    kind = in.readByte();
                } catch (EOFException end) {
                    return;
                }
                byte[] text = new byte[in.readInt()];
                in.readFully(text);
                float[] vector = new float[in.readInt()];
                for (int i = 0; i < vector.length; i++) {
                    vector[i] = in.readFloat();
                }
                (kind == QUERY ? queries : passages).put(new String(text, StandardCharsets.UTF_8), vector);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the embedding cache " + file + ": " + e.getMessage(), e);
        }
    }

    private void append(byte kind, String text, float[] vector) {
        try {
            Files.createDirectories(file.getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                out.writeByte(kind);
                out.writeInt(bytes.length);
                out.write(bytes);
                out.writeInt(vector.length);
                for (float v : vector) {
                    out.writeFloat(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write the embedding cache " + file + ": " + e.getMessage(), e);
        }
    }
}
