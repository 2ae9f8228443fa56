/**
 * The ports every function depends on. Embedding and chat models are LangChain4j's own ports
 * ({@code dev.langchain4j.model.embedding.EmbeddingModel}, {@code dev.langchain4j.model.chat.ChatModel}
 * and {@code StreamingChatModel}); ragfn adds only what LangChain4j does not model: the document
 * store and the tenant-scoped vector/text index.
 */
package dev.ragfn.core.port;
