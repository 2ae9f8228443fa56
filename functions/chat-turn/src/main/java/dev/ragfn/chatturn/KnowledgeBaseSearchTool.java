package dev.ragfn.chatturn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.retrieve.Passage;
import dev.ragfn.retrieve.RetrieveRequest;
import dev.ragfn.retrieve.RetrieveService;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code search_knowledge_base(query, knowledgeBase)}: retrieval over one knowledge base of the
 * turn's tenant, chosen from an allow-list. The tenant is the request's and nothing the model
 * writes can change it: arguments other than query and knowledgeBase are refused, not ignored,
 * so an attempt shows in the turn record. Passages found become numbered sources of the turn.
 */
final class KnowledgeBaseSearchTool implements ChatTool {

    static final String NAME = "search_knowledge_base";
    private static final Set<String> ARGUMENTS = Set.of("query", "knowledgeBase");

    private final String tenant;
    private final List<String> allowed;
    private final RetrieveService retrieve;
    private final EmbeddingModel embeddings;
    private final int topK;
    private final double minRelevance;
    private final CitedPassages cited;
    private final RetrievalGate.Turn retrieval;
    private final ToolSpecification specification;

    KnowledgeBaseSearchTool(String tenant, List<String> allowed, RetrieveService retrieve, EmbeddingModel embeddings,
                            int topK, double minRelevance, CitedPassages cited, RetrievalGate.Turn retrieval) {
        this.tenant = tenant;
        this.allowed = List.copyOf(allowed);
        this.retrieve = retrieve;
        this.embeddings = embeddings;
        this.topK = topK;
        this.minRelevance = minRelevance;
        this.cited = cited;
        this.retrieval = retrieval;
        this.specification = ToolSpecification.builder()
                .name(NAME)
                .description("Searches one knowledge base for passages that answer a query. The passages come back "
                        + "numbered like the sources: cite them by those numbers.")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("query", "What to look for, as a question or keywords")
                        .addEnumProperty("knowledgeBase", this.allowed, "The knowledge base to search")
                        .required("query", "knowledgeBase")
                        .additionalProperties(false)
                        .build())
                .build();
    }

    @Override
    public ToolSpecification specification() {
        return specification;
    }

    @Override
    public String source() {
        return BUILT_IN;
    }

    @Override
    public Output execute(ToolExecutionRequest request, ObjectNode arguments) {
        List<String> unknown = new ArrayList<>();
        arguments.fieldNames().forEachRemaining(name -> {
            if (!ARGUMENTS.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new ToolFailure("unknown argument(s) " + unknown + ": " + NAME
                    + " takes only query and knowledgeBase, and searches this conversation's own organisation");
        }
        String query = text(arguments, "query");
        String knowledgeBase = text(arguments, "knowledgeBase");
        if (!allowed.contains(knowledgeBase)) {
            throw new ToolFailure("knowledge base '" + knowledgeBase + "' may not be searched in this conversation; "
                    + "choose one of " + allowed);
        }
        Supplier<float[]> queryVector = Evidence.questionVector(embeddings, query);
        // The same CPU-bound work as the turn's own retrieval, so it waits its turn at the same gate.
        List<Passage> relevant = retrieval.run(() -> {
            List<Passage> found = retrieve.retrieve(RetrieveRequest.of(query, tenant, knowledgeBase, topK, null),
                    queryVector).passages();
            // Hybrid search always returns something: keep what bears on the query, as for the question itself.
            return Evidence.passages(embeddings, queryVector, found, minRelevance).passages();
        });
        if (relevant.isEmpty()) {
            return new Output("No passage of knowledge base " + knowledgeBase + " answers this query.",
                    "no relevant passage in " + knowledgeBase);
        }
        StringBuilder text = new StringBuilder();
        List<Integer> numbers = new ArrayList<>();
        for (Passage passage : relevant) {
            int number = cited.cite(passage);
            numbers.add(number);
            text.append(Prompt.source(number, passage)).append('\n');
        }
        return new Output(text.toString().strip(), relevant.size() + " passage(s) from " + knowledgeBase + ", cited as "
                + numbers.stream().map(n -> "[" + n + "]").collect(Collectors.joining(", ")));
    }

    private static String text(ObjectNode arguments, String name) {
        JsonNode value = arguments.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new ToolFailure("argument " + name + " must be a non-empty string");
        }
        return value.asText();
    }
}
