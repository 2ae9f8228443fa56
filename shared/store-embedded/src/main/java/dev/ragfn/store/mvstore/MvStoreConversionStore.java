package dev.ragfn.store.mvstore;

import dev.ragfn.core.domain.Conversion;
import dev.ragfn.core.port.ConversionPage;
import dev.ragfn.core.port.ConversionStore;
import dev.ragfn.core.port.DocumentPage;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The embedded conversion store: H2's MVStore in the function's own process. Conversions are keyed
 * tenant and id joined by NUL; a second map keys them by creation time as well, which is the order a
 * list walks (backwards, newest first). Writes hold the store's lock, so a start's check and its write
 * are one step.
 */
public final class MvStoreConversionStore implements ConversionStore {

    private static final char SEP = '\u0000';

    private final MVStore store;
    private final MVMap<String, String> conversions;
    private final MVMap<String, String> byCreation;
    private final MVMap<String, String> reports;
    private final MVMap<String, byte[]> patterns;

    private MvStoreConversionStore(MVStore store) {
        this.store = store;
        this.conversions = store.openMap("conversions");
        this.byCreation = store.openMap("conversions-by-creation");
        this.reports = store.openMap("conversion-reports");
        this.patterns = store.openMap("conversion-patterns");
    }

    /** A store persisted in {@code directory}, created if missing. */
    public static MvStoreConversionStore open(Path directory) {
        return new MvStoreConversionStore(MvStoreFiles.open(directory, "conversions.mv.db", "conversion store"));
    }

    /** A store that lives only as long as this object: for tests and throwaway runs. */
    public static MvStoreConversionStore inMemory() {
        return new MvStoreConversionStore(MvStoreFiles.inMemory());
    }

    @Override
    public synchronized Conversion submit(Conversion requested) {
        Optional<Conversion> existing = find(requested.tenant(), requested.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        Conversion first = requested.withVersion(1);
        conversions.put(key(first.tenant(), first.id()), MvStoreFiles.write(first));
        byCreation.put(creationKey(first), first.id());
        store.commit();
        return first;
    }

    @Override
    public Optional<Conversion> find(String tenant, String id) {
        return Optional.ofNullable(conversions.get(key(tenant, id))).map(v -> MvStoreFiles.read(v, Conversion.class));
    }

    @Override
    public ConversionPage list(String tenant, String after, int limit) {
        DocumentPage.validateLimit(limit);
        String prefix = tenant + SEP;
        // The cursor is a place in the order ("millis#id"), whether or not its conversion is there.
        String from = ConversionPage.checkedCursor("after", after) == null ? prefix + Character.MAX_VALUE
                : prefix + after.replace('#', SEP);
        List<Conversion> matching = new ArrayList<>();
        for (String k = byCreation.lowerKey(from); k != null && k.startsWith(prefix) && matching.size() <= limit;
             k = byCreation.lowerKey(k)) {
            find(tenant, byCreation.get(k)).ifPresent(matching::add);
        }
        return ConversionPage.of(matching, limit);
    }

    @Override
    public synchronized Optional<Conversion> start(String tenant, String id, Instant now, Duration stale) {
        Conversion stored = find(tenant, id).orElseThrow(() -> ConversionStore.unknown(tenant, id));
        if (!ConversionStore.startable(stored, now, stale)) {
            return Optional.empty();
        }
        return Optional.of(put(stored.running(now)));
    }

    @Override
    public synchronized Conversion finish(String tenant, String id, String patternName, String reportJson,
                                          byte[] patternZip, Instant now) {
        Conversion stored = find(tenant, id).orElseThrow(() -> ConversionStore.unknown(tenant, id));
        reports.put(key(tenant, id), reportJson);
        patterns.put(key(tenant, id), patternZip.clone());
        return put(stored.done(patternName, now));
    }

    @Override
    public synchronized Conversion fail(String tenant, String id, String reason, Instant now) {
        Conversion stored = find(tenant, id).orElseThrow(() -> ConversionStore.unknown(tenant, id));
        return put(stored.failed(reason, now));
    }

    @Override
    public Optional<String> report(String tenant, String id) {
        return done(tenant, id).map(c -> reports.get(key(tenant, id)));
    }

    @Override
    public Optional<byte[]> patternZip(String tenant, String id) {
        return done(tenant, id).map(c -> patterns.get(key(tenant, id)).clone());
    }

    @Override
    public void close() {
        if (!store.isClosed()) {
            store.close();
        }
    }

    /** A rerun after a retry writes the report again; only DONE says that what is stored is whole. */
    private Optional<Conversion> done(String tenant, String id) {
        return find(tenant, id).filter(c -> c.status() == Conversion.Status.DONE);
    }

    private Conversion put(Conversion next) {
        Conversion stored = next.withVersion(next.version() + 1);
        conversions.put(key(stored.tenant(), stored.id()), MvStoreFiles.write(stored));
        store.commit();
        return stored;
    }

    private static String key(String tenant, String id) {
        return tenant + SEP + id;
    }

    /** Milliseconds padded to 15 digits sort as numbers until the year 33658. */
    private static String creationKey(Conversion c) {
        return c.tenant() + SEP + String.format("%015d", c.createdAt().toEpochMilli()) + SEP + c.id();
    }
}
