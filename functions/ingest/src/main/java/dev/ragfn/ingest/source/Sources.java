package dev.ragfn.ingest.source;

import dev.ragfn.core.error.InvalidInputException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Picks the source that reads a location's scheme, so callers need not know which ones exist. */
public final class Sources implements DocumentSource {

    private final List<DocumentSource> sources;

    public Sources(List<DocumentSource> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public SourceContent fetch(URI location) {
        if (location.getScheme() == null) {
            throw new InvalidInputException("Source location '" + location
                    + "' has no scheme: use one of " + schemes() + ", such as s3://bucket/key");
        }
        return sources.stream()
                .filter(source -> source.supports(location))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("Unsupported source scheme '"
                        + location.getScheme() + "' in '" + location + "': use one of " + schemes()))
                .fetch(location);
    }

    @Override
    public Set<String> schemes() {
        Set<String> schemes = new TreeSet<>();
        sources.forEach(source -> schemes.addAll(source.schemes()));
        return schemes;
    }
}
