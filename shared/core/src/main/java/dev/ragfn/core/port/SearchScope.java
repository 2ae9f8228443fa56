package dev.ragfn.core.port;

import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.error.InvalidInputException;

import java.util.Set;
import java.util.TreeSet;

/**
 * Which tenant's knowledge bases a search may see. Index implementations put it inside the
 * store query as filters, never apply it to results afterwards.
 */
public record SearchScope(String tenant, Set<String> knowledgeBases) {

    public SearchScope {
        Ids.name("tenant", tenant);
        if (knowledgeBases == null || knowledgeBases.isEmpty()) {
            throw new InvalidInputException("a search needs at least one knowledge base");
        }
        knowledgeBases.forEach(kb -> Ids.name("knowledgeBase", kb));
        knowledgeBases = Set.copyOf(new TreeSet<>(knowledgeBases));
    }

    public static SearchScope of(KnowledgeBaseRef ref) {
        return new SearchScope(ref.tenant(), Set.of(ref.knowledgeBase()));
    }

    public static SearchScope of(String tenant, String... knowledgeBases) {
        return new SearchScope(tenant, Set.of(knowledgeBases));
    }
}
