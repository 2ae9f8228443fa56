package dev.ragfn.core.domain;

import dev.ragfn.core.error.InvalidInputException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The date forms users write in submissions and filters: 2025-03-01, or an ISO-8601 instant with an offset. */
public final class Dates {

    /**
     * Metadata key under which a submitter or a file gives a document's date; ingestion moves it into
     * {@link Document#date()}. Documents stored before that kept it there as an ISO-8601 instant.
     */
    public static final String METADATA_KEY = "date";

    private Dates() {
    }

    /** A calendar date means its first instant in UTC. */
    public static Instant parse(String field, String value) {
        Ids.required(field, value);
        String text = value.strip();
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field + " '" + value
                    + "' is not a date; write 2025-03-01 or 2025-03-01T12:00:00Z");
        }
    }
}
