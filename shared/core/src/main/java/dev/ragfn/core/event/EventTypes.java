package dev.ragfn.core.event;

import java.util.List;

/**
 * Every CloudEvent type ragfn consumes or emits, declared once. triggers/ declares the same set
 * with who consumes and emits each, and a test fails if the two disagree.
 */
public final class EventTypes {

    private static final String PREFIX = "dev.ragfn.";

    public static final String DOCUMENT_SUBMITTED = PREFIX + "document.submitted";
    public static final String CHUNKS_READY = PREFIX + "chunks.ready";
    public static final String DOCUMENT_INDEXED = PREFIX + "document.indexed";
    public static final String DOCUMENT_FAILED = PREFIX + "document.failed";
    public static final String CHAT_TURN_COMPLETED = PREFIX + "chat.turn.completed";
    public static final String CONVERSION_REQUESTED = PREFIX + "conversion.requested";
    public static final String CONVERSION_COMPLETED = PREFIX + "conversion.completed";
    public static final String SUMMARY_REQUESTED = PREFIX + "summary.requested";
    public static final String SUMMARY_CREATED = PREFIX + "summary.created";

    private static final List<String> ALL = List.of(
            DOCUMENT_SUBMITTED, CHUNKS_READY, DOCUMENT_INDEXED, DOCUMENT_FAILED,
            CHAT_TURN_COMPLETED,
            CONVERSION_REQUESTED, CONVERSION_COMPLETED,
            SUMMARY_REQUESTED, SUMMARY_CREATED);

    private EventTypes() {
    }

    public static List<String> all() {
        return ALL;
    }

    /** Whether the type is in ragfn's namespace, known or not: an unknown one there is a sender's mistake. */
    public static boolean isRagfns(String type) {
        return type != null && type.startsWith(PREFIX);
    }
}
