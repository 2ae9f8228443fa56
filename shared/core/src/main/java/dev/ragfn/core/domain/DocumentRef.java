package dev.ragfn.core.domain;

/** A document inside one tenant's knowledge base. */
public record DocumentRef(KnowledgeBaseRef knowledgeBase, String documentId) {

    public DocumentRef {
        Ids.required("knowledgeBase", knowledgeBase);
        Ids.id("documentId", documentId);
    }

    public static DocumentRef of(String tenant, String knowledgeBase, String documentId) {
        return new DocumentRef(new KnowledgeBaseRef(tenant, knowledgeBase), documentId);
    }

    public String tenant() {
        return knowledgeBase.tenant();
    }

    @Override
    public String toString() {
        return knowledgeBase + "/" + documentId;
    }
}
