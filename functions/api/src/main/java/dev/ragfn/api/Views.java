package dev.ragfn.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragfn.core.domain.Chunk;
import dev.ragfn.core.domain.Conversion;
import dev.ragfn.core.domain.Document;
import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.domain.KnowledgeBase;
import dev.ragfn.core.domain.Summary;
import dev.ragfn.core.port.ConversionPage;
import dev.ragfn.core.port.SummaryPage;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What the API answers and takes: records of the JSON it speaks, kept apart from the stored ones. */
public final class Views {

    private Views() {
    }

    /** A knowledge base with how many documents it holds (in all and per status) and their chunks. */
    public record KnowledgeBaseView(String knowledgeBase, String displayName, String description,
                                    int embeddingDimension, Instant createdAt, int documents, long chunks,
                                    Map<DocumentStatus, Integer> documentsByStatus) {

        static KnowledgeBaseView of(KnowledgeBase kb, List<Document> documents) {
            Map<DocumentStatus, Integer> byStatus = new EnumMap<>(DocumentStatus.class);
            documents.forEach(d -> byStatus.merge(d.status(), 1, Integer::sum));
            return new KnowledgeBaseView(kb.ref().knowledgeBase(), kb.displayName(), kb.description(),
                    kb.embeddingDimension(), kb.createdAt(), documents.size(),
                    documents.stream().mapToLong(Document::chunkCount).sum(), byStatus);
        }
    }

    /** A new knowledge base: its name (the id in every path), and optionally how it is shown. */
    public record NewKnowledgeBase(String knowledgeBase, String displayName, String description) {

        public NewKnowledgeBase {
            Ids.name("knowledgeBase", knowledgeBase);
            Ids.title("displayName", displayName);
            Ids.title("description", description);
        }
    }

    /** A document as a user follows it: its status, why it failed if it did, its chunks, tags and dates. */
    public record DocumentView(String documentId, String knowledgeBase, String title, String source,
                               String contentType, DocumentStatus status, String failureReason, int chunkCount,
                               List<String> tags, Instant updatedAt, Instant date, long version) {

        static DocumentView of(Document d) {
            return new DocumentView(d.ref().documentId(), d.ref().knowledgeBase().knowledgeBase(), d.title(),
                    d.source(), d.contentType(), d.status(),
                    d.status() == DocumentStatus.FAILED ? d.statusReason() : null, d.chunkCount(), d.tags(),
                    d.updatedAt(), d.date(), d.version());
        }
    }

    /** One passage of a document as a citation opens it: its text, the headings above it and where it sits. */
    public record ChunkView(String chunkId, String documentId, String knowledgeBase, String title, int position,
                            List<String> headingPath, String text) {

        static ChunkView of(Document d, Chunk c) {
            return new ChunkView(c.id(), d.ref().documentId(), d.ref().knowledgeBase().knowledgeBase(), d.title(),
                    c.position(), c.headingPath(), c.text());
        }
    }

    /** A page of documents; {@code next} is the cursor of the following page ({@code after=}), null on the last. */
    public record DocumentPageView(List<DocumentView> documents, String next) {
    }

    /** A submission the API accepted: follow {@code location} to see it reach INDEXED or FAILED. */
    public record Accepted(String documentId, String knowledgeBase, DocumentStatus status, String location) {
    }

    /** A summary without its report, for lists. */
    public record SummaryEntry(String scope, Instant windowStart, Instant windowEnd, Instant createdAt) {

        static SummaryEntry of(Summary s) {
            return new SummaryEntry(s.scope(), s.windowStart(), s.windowEnd(), s.createdAt());
        }
    }

    /** A page of summaries, newest first; {@code next} is the cursor of the following page ({@code after=}), null on the last. */
    public record SummaryPageView(List<SummaryEntry> summaries, String next) {

        static SummaryPageView of(SummaryPage page) {
            return new SummaryPageView(page.summaries().stream().map(SummaryEntry::of).toList(), page.next());
        }
    }

    /** A conversion as a user follows it: what was asked, where it stands ({@code reason} when FAILED), and when. */
    public record ConversionView(String id, String source, String ref, String name, Conversion.Status status,
                                 String reason, String pattern, Instant createdAt, Instant startedAt, Instant finishedAt,
                                 String location) {

        static ConversionView of(Conversion c) {
            return new ConversionView(c.id(), c.source(), c.ref(), c.name(), c.status(), c.reason(), c.pattern(),
                    c.createdAt(), c.startedAt(), c.finishedAt(), "/api/conversions/" + c.id());
        }
    }

    /** A conversion with its report (conversion-report.json), null until it is DONE. */
    public record ConversionDetail(ConversionView conversion, JsonNode report) {
    }

    /** A page of conversions, newest first; {@code next} is the cursor of the following page ({@code after=}), null on the last. */
    public record ConversionPageView(List<ConversionView> conversions, String next) {

        static ConversionPageView of(ConversionPage page) {
            return new ConversionPageView(page.conversions().stream().map(ConversionView::of).toList(), page.next());
        }
    }
}
