package dev.ragfn.retrieve.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A retrieval benchmark in BEIR's layout: {@code corpus.jsonl} ({@code _id}, {@code title},
 * {@code text}), {@code queries.jsonl} ({@code _id}, {@code text}) and {@code qrels/<split>.tsv}
 * ({@code query-id}, {@code corpus-id}, {@code score}, with a header line). Only queries that have
 * judgements are kept.
 */
public record BeirDataset(List<CorpusDocument> corpus, Map<String, String> queries,
                          Map<String, Map<String, Integer>> qrels) {

    public record CorpusDocument(String id, String title, String text) {

        /** What the model reads: title and text, as a chunk's heading and body. */
        public String embeddedText() {
            return (title + " " + text).strip();
        }

        /** A document with neither title nor text: nothing to index (LangChain4j refuses an empty segment). */
        public boolean isEmpty() {
            return embeddedText().isEmpty();
        }
    }

    public static BeirDataset read(Path folder, String split) {
        ObjectMapper json = new ObjectMapper();
        List<CorpusDocument> corpus = new ArrayList<>();
        forEachLine(folder.resolve("corpus.jsonl"), line -> {
            JsonNode node = json.readTree(line);
            corpus.add(new CorpusDocument(node.get("_id").asText(), node.path("title").asText(""),
                    node.path("text").asText("")));
        });
        Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
        forEachLine(folder.resolve("qrels").resolve(split + ".tsv"), line -> {
            String[] fields = line.split("\t");
            if (fields.length >= 3 && !fields[0].equals("query-id")) {
                qrels.computeIfAbsent(fields[0], q -> new HashMap<>()).put(fields[1], Integer.parseInt(fields[2].trim()));
            }
        });
        Map<String, String> queries = new LinkedHashMap<>();
        forEachLine(folder.resolve("queries.jsonl"), line -> {
            JsonNode node = json.readTree(line);
            String id = node.get("_id").asText();
            if (qrels.containsKey(id)) {
                queries.put(id, node.get("text").asText());
            }
        });
        return new BeirDataset(List.copyOf(corpus), queries, qrels);
    }

    private interface LineHandler {
        void accept(String line) throws IOException;
    }

    private static void forEachLine(Path file, LineHandler handler) {
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    handler.accept(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + file + ": " + e.getMessage(), e);
        }
    }
}
