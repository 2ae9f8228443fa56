package dev.ragfn.ingest.source;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** Fetches the raw bytes of a document from one kind of location, chosen by URI scheme. */
public interface DocumentSource {

    /** Fetches the content; failures are ragfn exceptions whose kind says whether to retry. */
    SourceContent fetch(URI location);

    /** The lower-case URI schemes this source reads, such as {@code s3}. */
    Set<String> schemes();

    default boolean supports(URI location) {
        return location.getScheme() != null
                && schemes().contains(location.getScheme().toLowerCase(Locale.ROOT));
    }
}
