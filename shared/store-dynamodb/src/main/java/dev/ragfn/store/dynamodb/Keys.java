package dev.ragfn.store.dynamodb;

import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.KnowledgeBaseRef;

/**
 * Composite keys. Tenant and knowledge-base names cannot contain '#' (see Ids), so splitting on
 * the first two '#' is unambiguous even when a document id contains one.
 */
final class Keys {

    static final String SEP = "#";

    private Keys() {
    }

    static String of(KnowledgeBaseRef ref) {
        return ref.tenant() + SEP + ref.knowledgeBase();
    }

    static String of(DocumentRef ref) {
        return of(ref.knowledgeBase()) + SEP + ref.documentId();
    }

    static KnowledgeBaseRef knowledgeBase(String key) {
        String[] parts = key.split(SEP, 2);
        return new KnowledgeBaseRef(parts[0], parts[1]);
    }

    static DocumentRef document(String key) {
        String[] parts = key.split(SEP, 3);
        return DocumentRef.of(parts[0], parts[1], parts[2]);
    }
}
