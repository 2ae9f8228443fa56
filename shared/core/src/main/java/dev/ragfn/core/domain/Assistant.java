package dev.ragfn.core.domain;

import dev.ragfn.core.error.InvalidInputException;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a tenant's users chat with: instructions (the system prompt), the chat model's settings, the
 * knowledge bases it answers from, the tools and MCP servers it may call, the shield policy that
 * guards it, and how it retrieves. {@code version} is the store's: each accepted update gets a higher
 * one, and a chat turn records the version it ran with. 0 means not yet stored.
 */
public record Assistant(String tenant, String id, String name, String instructions, ModelSettings model,
                        List<String> knowledgeBases, List<String> tools, List<String> mcpServers,
                        String shieldPolicy, String retrievalMode, Integer topK, long version,
                        Instant createdAt, Instant updatedAt) {

    /** The retrieval modes a chat turn knows (retrieve's RetrieveMode, by wire name). */
    public static final Set<String> RETRIEVAL_MODES = Set.of("bm25", "vector", "hybrid");
    /** Instructions are sent with every turn: a page, not a book (and far under a store's item limit). */
    public static final int MAX_INSTRUCTIONS_CHARS = 20_000;
    private static final int MAX_LIST_ENTRIES = 50;

    /** The chat model's settings; null fields fall back to the configuration of ragfn.chat. */
    public record ModelSettings(String model, Double temperature, Integer maxTokens) {

        public static final ModelSettings DEFAULTS = new ModelSettings(null, null, null);

        public ModelSettings {
            if (model != null) {
                Ids.title("model.model", model);
            }
            if (temperature != null && (temperature < 0 || temperature > 2)) {
                throw new InvalidInputException("model.temperature must be between 0 and 2 but was " + temperature);
            }
            if (maxTokens != null && (maxTokens < 1 || maxTokens > 100_000)) {
                throw new InvalidInputException("model.maxTokens must be between 1 and 100000 but was " + maxTokens);
            }
        }
    }

    /** Which assistant, at which version: what a chat turn records of the assistant it ran with. */
    public record Ref(String id, long version) {
    }

    public Ref ref() {
        return new Ref(id, version);
    }

    public Assistant {
        Ids.name("tenant", tenant);
        Ids.name("assistant id", id);
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("assistant name must not be blank");
        }
        Ids.title("assistant name", name);
        instructions = instructions == null ? "" : instructions;
        if (instructions.length() > MAX_INSTRUCTIONS_CHARS) {
            throw new InvalidInputException("instructions have " + instructions.length()
                    + " characters, over the limit of " + MAX_INSTRUCTIONS_CHARS);
        }
        model = model == null ? ModelSettings.DEFAULTS : model;
        knowledgeBases = names("knowledgeBases", knowledgeBases == null ? List.of() : knowledgeBases);
        tools = ids("tools", tools == null ? List.of() : tools);
        mcpServers = ids("mcpServers", mcpServers == null ? List.of() : mcpServers);
        if (shieldPolicy != null) {
            Ids.name("shieldPolicy", shieldPolicy);
        }
        if (retrievalMode != null) {
            retrievalMode = retrievalMode.toLowerCase(Locale.ROOT);
            if (!RETRIEVAL_MODES.contains(retrievalMode)) {
                throw new InvalidInputException("retrievalMode must be one of bm25, vector, hybrid but was '"
                        + retrievalMode + "'");
            }
        }
        if (topK != null && (topK < 1 || topK > 100)) {
            throw new InvalidInputException("topK must be between 1 and 100 but was " + topK);
        }
        if (version < 0) {
            throw new InvalidInputException("assistant version must be >= 0 but was " + version);
        }
        Ids.required("createdAt", createdAt);
        Ids.required("updatedAt", updatedAt);
    }

    public Assistant withVersion(long newVersion, Instant at) {
        return new Assistant(tenant, id, name, instructions, model, knowledgeBases, tools, mcpServers, shieldPolicy,
                retrievalMode, topK, newVersion, createdAt, at);
    }

    /** Keeps the stored creation time: an update replaces the settings, not the assistant's history. */
    public Assistant createdAt(Instant created) {
        return new Assistant(tenant, id, name, instructions, model, knowledgeBases, tools, mcpServers, shieldPolicy,
                retrievalMode, topK, version, created, updatedAt);
    }

    private static List<String> names(String field, List<String> values) {
        limit(field, values);
        values.forEach(v -> Ids.name(field + " entry", v));
        return List.copyOf(values);
    }

    private static List<String> ids(String field, List<String> values) {
        limit(field, values);
        values.forEach(v -> Ids.title(field + " entry", Ids.id(field + " entry", v)));
        return List.copyOf(values);
    }

    private static void limit(String field, List<String> values) {
        if (values != null && values.size() > MAX_LIST_ENTRIES) {
            throw new InvalidInputException(field + " has " + values.size() + " entries, over the limit of "
                    + MAX_LIST_ENTRIES);
        }
    }
}
