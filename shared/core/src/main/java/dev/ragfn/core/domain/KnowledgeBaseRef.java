package dev.ragfn.core.domain;

/** A knowledge base as addressed by every request: it always belongs to exactly one tenant. */
public record KnowledgeBaseRef(String tenant, String knowledgeBase) {

    public KnowledgeBaseRef {
        Ids.name("tenant", tenant);
        Ids.name("knowledgeBase", knowledgeBase);
    }

    public DocumentRef document(String documentId) {
        return new DocumentRef(this, documentId);
    }

    @Override
    public String toString() {
        return tenant + "/" + knowledgeBase;
    }
}
