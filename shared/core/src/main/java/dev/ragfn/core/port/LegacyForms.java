package dev.ragfn.core.port;

import dev.ragfn.core.domain.Chunk;
import dev.ragfn.core.domain.Dates;
import dev.ragfn.core.domain.Document;
import dev.ragfn.core.domain.HeadingPath;
import dev.ragfn.core.error.InvalidInputException;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads what stores and indexes hold from before tags, date and heading path were fields, so data
 * ingested then keeps working without a re-ingest. Such documents carried their tags in metadata
 * {@code tags} (comma-separated) and their date in metadata {@code date} (ISO-8601); such chunks
 * began with their heading path's line and a blank line, and kept the line in metadata
 * {@code headings}. Adapters pass what they read through here; today's records come back unchanged.
 */
public final class LegacyForms {

    static final String TAGS = "tags";
    static final String HEADINGS = "headings";
    private static final Pattern TAG_SEPARATOR = Pattern.compile("\\s*,\\s*");

    private LegacyForms() {
    }

    public static Document document(Document d) {
        Optional<Instant> legacyDate = d.date() == null ? date(d.metadata()) : Optional.empty();
        boolean legacyTags = d.tags().isEmpty() && d.metadata().containsKey(TAGS);
        if (legacyDate.isEmpty() && !legacyTags) {
            return d;
        }
        Map<String, String> metadata = new HashMap<>(d.metadata());
        List<String> tags = d.tags();
        if (legacyTags) {
            String joined = metadata.remove(TAGS);
            tags = joined.isBlank() ? List.of() : List.of(TAG_SEPARATOR.split(joined.strip()));
        }
        Instant date = d.date();
        if (legacyDate.isPresent()) {
            metadata.remove(Dates.METADATA_KEY);
            date = legacyDate.get();
        }
        return new Document(d.ref(), d.title(), d.source(), d.contentType(), d.contentHash(), d.status(),
                d.statusReason(), d.chunkCount(), tags, date, metadata, d.updatedAt(), d.version());
    }

    public static Chunk chunk(Chunk c) {
        return headingPath(c.headingPath(), c.text(), c.metadata())
                .map(path -> new Chunk(c.document(), c.id(), c.position(), path.text(), path.headings(), c.tokenCount(),
                        path.metadata()))
                .orElse(c);
    }

    public static IndexHit hit(IndexHit h) {
        return headingPath(h.headingPath(), h.text(), h.metadata())
                .map(path -> new IndexHit(h.document(), h.chunkId(), h.position(), h.title(), path.text(),
                        path.headings(), h.source(), h.tags(), path.metadata(), h.score()))
                .orElse(h);
    }

    private record Split(List<String> headings, String text, Map<String, String> metadata) {
    }

    /**
     * The heading path is taken only where the text begins with exactly its line: with
     * ragfn.ingest.chunk-include-headings=false the text never had it, and what was embedded stays
     * what {@code searchText()} gives.
     */
    private static Optional<Split> headingPath(List<String> headingPath, String text, Map<String, String> metadata) {
        String line = metadata.get(HEADINGS);
        if (!headingPath.isEmpty() || line == null || line.isEmpty() || !text.startsWith(line + "\n\n")) {
            return Optional.empty();
        }
        Map<String, String> rest = new HashMap<>(metadata);
        rest.remove(HEADINGS);
        List<String> headings = List.of(line.split(Pattern.quote(HeadingPath.SEPARATOR), -1));
        return Optional.of(new Split(headings, text.substring(line.length() + 2), rest));
    }

    /** A date that does not parse is left in metadata rather than failing every read of the document. */
    private static Optional<Instant> date(Map<String, String> metadata) {
        String value = metadata.get(Dates.METADATA_KEY);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Dates.parse("document metadata " + Dates.METADATA_KEY, value));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }
}
