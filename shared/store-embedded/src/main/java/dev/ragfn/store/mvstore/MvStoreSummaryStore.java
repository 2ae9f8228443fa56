package dev.ragfn.store.mvstore;

import dev.ragfn.core.domain.Summary;
import dev.ragfn.core.port.DocumentPage;
import dev.ragfn.core.port.ScopePage;
import dev.ragfn.core.port.SummaryPage;
import dev.ragfn.core.port.SummaryQuery;
import dev.ragfn.core.port.SummaryStore;
import dev.ragfn.store.SummaryChecks;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The embedded summary store: H2's MVStore in the function's own process. Keys are
 * tenant, scope and the fixed-width window joined by NUL, so a scope's summaries form one range
 * ordered by window start, and the scopes of a tenant follow one another in name order.
 */
public final class MvStoreSummaryStore implements SummaryStore {

    private static final char SEP = '\u0000';

    private final MVStore store;
    private final MVMap<String, String> summaries;

    private MvStoreSummaryStore(MVStore store) {
        this.store = store;
        this.summaries = store.openMap("summaries");
    }

    /** A store persisted in {@code directory}, created if missing. */
    public static MvStoreSummaryStore open(Path directory) {
        return new MvStoreSummaryStore(MvStoreFiles.open(directory, "summaries.mv.db", "summary store"));
    }

    /** A store that lives only as long as this object: for tests and throwaway runs. */
    public static MvStoreSummaryStore inMemory() {
        return new MvStoreSummaryStore(MvStoreFiles.inMemory());
    }

    @Override
    public Summary putIfAbsent(Summary summary) {
        SummaryChecks.checkSummary(summary);
        String previous = summaries.putIfAbsent(
                key(summary.tenant(), summary.scope(), summary.windowStart(), summary.windowEnd()), MvStoreFiles.write(summary));
        if (previous != null) {
            return MvStoreFiles.read(previous, Summary.class);
        }
        store.commit();
        return summary;
    }

    @Override
    public Optional<Summary> find(String tenant, String scope, Instant windowStart, Instant windowEnd) {
        return Optional.ofNullable(summaries.get(key(tenant, scope, windowStart, windowEnd))).map(v -> MvStoreFiles.read(v, Summary.class));
    }

    @Override
    public List<Summary> list(String tenant, String scope, Instant from, Instant to) {
        String prefix = tenant + SEP + scope + SEP;
        String upper = prefix + SummaryChecks.millis(to);
        List<Summary> result = new ArrayList<>();
        for (Cursor<String, String> cursor = summaries.cursor(prefix + SummaryChecks.millis(from)); cursor.hasNext(); ) {
            if (cursor.next().compareTo(upper) >= 0) {
                break;
            }
            result.add(MvStoreFiles.read(cursor.getValue(), Summary.class));
        }
        return result;
    }

    @Override
    public SummaryPage page(String tenant, String scope, SummaryQuery query) {
        String prefix = tenant + SEP + scope + SEP;
        String lower = prefix + SummaryChecks.millis(query.from());
        List<Summary> matching = new ArrayList<>();
        for (String k = summaries.lowerKey(prefix + SummaryChecks.pageUpperKey(query));
             k != null && k.compareTo(lower) >= 0 && matching.size() <= query.limit(); k = summaries.lowerKey(k)) {
            if (query.lengthMatches(k)) {
                matching.add(MvStoreFiles.read(summaries.get(k), Summary.class));
            }
        }
        return SummaryPage.of(matching, query.limit());
    }

    @Override
    public ScopePage scopes(String tenant, String after, int limit) {
        DocumentPage.validateLimit(limit);
        String prefix = tenant + SEP;
        List<String> scopes = new ArrayList<>();
        // A scope's keys are one range: from each, the next scope is the first key past the range's end.
        String k = summaries.ceilingKey(after == null ? prefix : pastScope(prefix, SummaryChecks.scope("after", after)));
        while (k != null && k.startsWith(prefix) && scopes.size() <= limit) {
            String scope = k.substring(prefix.length(), k.indexOf(SEP, prefix.length()));
            scopes.add(scope);
            k = summaries.ceilingKey(pastScope(prefix, scope));
        }
        return ScopePage.of(scopes, limit);
    }

    @Override
    public void close() {
        if (!store.isClosed()) {
            store.close();
        }
    }

    /** Above every key of the scope: its windows are digits, all below the largest character. */
    private static String pastScope(String prefix, String scope) {
        return prefix + scope + SEP + Character.MAX_VALUE;
    }

    private static String key(String tenant, String scope, Instant windowStart, Instant windowEnd) {
        return tenant + SEP + scope + SEP + SummaryChecks.windowKey(windowStart, windowEnd);
    }
}
