package dev.ragfn.chatturn;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import dev.ragfn.embedding.QueryEmbeddingModel;
import dev.ragfn.retrieve.Passage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The retrieved passages that bear on the question, and their sentences ranked by how well they
 * answer it. A passage counts only if one of its sentences is similar enough to the question:
 * hybrid retrieval always returns something, and fused ranks say nothing about relevance.
 */
record Evidence(List<Passage> passages, List<Sentence> sentences) {

    /** A sentence of {@code passages().get(passage)}; {@code score} adds term overlap to cosine similarity. */
    record Sentence(int passage, String text, double similarity, double score) {
    }

    /** Sentence ends and blank lines; a single line break is only wrapping (text files, PDFs). */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n\\s*\\n");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\n\\s*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]*");
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "are", "was", "what", "how", "does",
            "can", "who", "which", "when", "where", "why", "with", "that", "this", "from", "have", "has", "you",
            "your", "our", "any", "not", "but", "get", "about", "into", "there", "their", "they", "them", "its");
    /** Long passages add little beyond their first sentences and cost an embedding each. */
    private static final int MAX_SENTENCES_PER_PASSAGE = 24;
    private static final double OVERLAP_WEIGHT = 0.15;

    /**
     * The question's vector, embedded on first use and then kept: retrieval and evidence share it, so a
     * turn embeds its question once.
     */
    static Supplier<float[]> questionVector(EmbeddingModel model, String question) {
        return new Supplier<>() {
            private float[] vector;

            @Override
            public synchronized float[] get() {
                if (vector == null) {
                    vector = QueryEmbeddingModel.embedQuery(model, question);
                }
                return vector;
            }
        };
    }

    static Evidence find(EmbeddingModel model, String question, Supplier<float[]> questionVector,
                         List<Passage> retrieved, double minRelevance) {
        if (retrieved.isEmpty()) {
            return new Evidence(List.of(), List.of());
        }
        List<int[]> owners = new ArrayList<>();
        List<TextSegment> texts = new ArrayList<>();
        for (int p = 0; p < retrieved.size(); p++) {
            List<String> split = split(retrieved.get(p).text());
            for (int s = 0; s < split.size(); s++) {
                owners.add(new int[] {p, s});
                texts.add(TextSegment.from(split.get(s)));
            }
        }
        // Without the question in the batch it can be empty, which a remote embedding API may refuse.
        List<Embedding> vectors = texts.isEmpty() ? List.of() : model.embedAll(texts).content();
        Embedding asked = Embedding.from(questionVector.get());
        Set<String> questionTerms = terms(question);

        double[] best = new double[retrieved.size()];
        List<Sentence> scored = new ArrayList<>();
        for (int i = 0; i < owners.size(); i++) {
            int p = owners.get(i)[0];
            String text = texts.get(i).text();
            double similarity = CosineSimilarity.between(asked, vectors.get(i));
            best[p] = Math.max(best[p], similarity);
            scored.add(new Sentence(p, text, similarity, similarity + OVERLAP_WEIGHT * overlap(questionTerms, text)));
        }

        List<Passage> relevant = new ArrayList<>();
        int[] renumbered = new int[retrieved.size()];
        for (int p = 0; p < retrieved.size(); p++) {
            renumbered[p] = best[p] >= minRelevance ? relevant.size() : -1;
            if (best[p] >= minRelevance) {
                relevant.add(retrieved.get(p));
            }
        }
        List<Sentence> sentences = scored.stream()
                .filter(s -> renumbered[s.passage()] >= 0)
                .map(s -> new Sentence(renumbered[s.passage()], s.text(), s.similarity(), s.score()))
                .sorted(Comparator.comparingDouble(Sentence::score).reversed())
                .toList();
        return new Evidence(List.copyOf(relevant), sentences);
    }

    /**
     * The retrieved passages that bear on the question, judged whole by the cosine similarity the
     * vector search measured; only passages it did not find (BM25-only hits) are embedded here. No
     * sentence ranking: when a model writes the answer, that would be work nobody uses.
     */
    static Evidence passages(EmbeddingModel model, Supplier<float[]> questionVector, List<Passage> retrieved,
                             double minRelevance) {
        List<Passage> unmeasured = retrieved.stream().filter(p -> p.similarity() == null).toList();
        Map<Passage, Double> measured = new IdentityHashMap<>();
        if (!unmeasured.isEmpty()) {
            // The passage as the index embedded it, so its similarity is the one vector search would have measured.
            List<Embedding> vectors = model.embedAll(unmeasured.stream().map(p -> TextSegment.from(p.searchText()))
                    .toList()).content();
            Embedding asked = Embedding.from(questionVector.get());
            for (int i = 0; i < unmeasured.size(); i++) {
                measured.put(unmeasured.get(i), CosineSimilarity.between(asked, vectors.get(i)));
            }
        }
        List<Passage> relevant = retrieved.stream()
                .filter(p -> (p.similarity() != null ? p.similarity() : measured.get(p)) >= minRelevance)
                .toList();
        return new Evidence(relevant, List.of());
    }

    boolean found() {
        return !passages.isEmpty();
    }

    static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (String part : SENTENCE_END.split(text)) {
            String sentence = LINE_BREAKS.matcher(part.strip()).replaceAll(" ");
            // Headings and list bullets alone answer nothing.
            if (WORD.matcher(sentence).results().count() >= 3) {
                sentences.add(sentence);
            }
            if (sentences.size() == MAX_SENTENCES_PER_PASSAGE) {
                break;
            }
        }
        return sentences;
    }

    private static Set<String> terms(String text) {
        Set<String> terms = new HashSet<>();
        WORD.matcher(text.toLowerCase(Locale.ROOT)).results().map(m -> m.group())
                .filter(w -> w.length() > 2 && !STOP_WORDS.contains(w))
                .forEach(terms::add);
        return terms;
    }

    /** The share of the question's content words that the sentence contains. */
    private static double overlap(Set<String> questionTerms, String sentence) {
        if (questionTerms.isEmpty()) {
            return 0;
        }
        Set<String> sentenceTerms = terms(sentence);
        return (double) questionTerms.stream().filter(sentenceTerms::contains).count() / questionTerms.size();
    }
}
