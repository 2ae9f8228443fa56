package dev.ragfn.bundle;

import dev.ragfn.bundle.broker.LocalBroker;
import dev.ragfn.core.domain.Chunk;
import dev.ragfn.core.domain.Document;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.event.EventAttributes;
import dev.ragfn.core.event.EventTypes;
import dev.ragfn.core.port.ChunkKey;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.IndexHit;
import dev.ragfn.core.port.SearchFilter;
import dev.ragfn.core.port.SearchScope;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.ingest.SubmitDocument;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many versions of one document submitted at once, some delivered twice (same event id) and some
 * submitted twice (same content, new event): every round must end with exactly one whole version,
 * its hash, text, chunk count and indexed chunks all of that one version.
 */
abstract class ConcurrentVersions {

    private static final Pattern VERSION_MARK = Pattern.compile("edition (\\d+)");

    @Inject
    LocalBroker broker;
    @Inject
    DocumentStore store;
    @Inject
    VectorIndex index;

    /** How many rounds this store and index can afford in a test run. */
    protected abstract int rounds();

    @Test
    void should_end_with_exactly_one_whole_version_when_many_versions_arrive_at_once() throws Exception {
        Random random = new Random(13);
        String tenant = "race";
        String kb = "kb-" + UUID.randomUUID().toString().substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < rounds(); round++) {
                DocumentRef ref = DocumentRef.of(tenant, kb, "doc-" + round);
                int versions = 10 + random.nextInt(11);
                Map<Integer, String> texts = new java.util.HashMap<>();
                List<Runnable> deliveries = new ArrayList<>();
                for (int v = 0; v < versions; v++) {
                    String text = edition(round, v, 1 + random.nextInt(4));
                    texts.put(v, text);
                    String eventId = UUID.randomUUID().toString();
                    deliveries.add(() -> submit(ref, eventId, text));
                    if (random.nextInt(3) == 0) {
                        deliveries.add(() -> submit(ref, eventId, text));
                    }
                    if (random.nextInt(4) == 0) {
                        deliveries.add(() -> submit(ref, UUID.randomUUID().toString(), text));
                    }
                }
                Collections.shuffle(deliveries, random);
                runTogether(pool, deliveries);

                assertWholeVersion(round, ref, texts);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertWholeVersion(int round, DocumentRef ref, Map<Integer, String> texts) {
        Document document = store.findDocument(ref).orElseThrow();
        List<Chunk> chunks = store.listChunks(ref);
        int edition = editionOf(chunks.getFirst().text());
        String text = texts.get(edition);
        String context = "round " + round + ", document " + document;

        assertThat(document.status()).as(context).isEqualTo(DocumentStatus.INDEXED);
        assertThat(document.contentHash()).as(context).isEqualTo("sha256:" + sha256(text));
        assertThat(chunks).as(context).hasSize(document.chunkCount())
                .allSatisfy(c -> assertThat(editionOf(c.text())).as(context).isEqualTo(edition));
        assertThat(document.chunkCount()).as(context).isEqualTo(sections(text));
        List<ChunkKey> keys = index.chunkKeys(ref);
        assertThat(keys).as(context).hasSize(document.chunkCount())
                .allSatisfy(k -> assertThat(k.version()).as(context).isEqualTo(document.version()));
        List<IndexHit> hits = index.textSearch(SearchScope.of(ref.knowledgeBase()), "edition section", 100,
                SearchFilter.documents(ref.documentId()));
        assertThat(hits).as(context).extracting(IndexHit::text).containsExactlyInAnyOrderElementsOf(
                chunks.stream().map(Chunk::text).toList());
    }

    private void submit(DocumentRef ref, String eventId, String markdown) {
        broker.publish(eventId, EventTypes.DOCUMENT_SUBMITTED, "/tests/race",
                Map.of(EventAttributes.TENANT, ref.tenant(), EventAttributes.KNOWLEDGE_BASE,
                        ref.knowledgeBase().knowledgeBase()),
                new SubmitDocument(null, null, ref.documentId(), null, markdown, null, "text/markdown", List.of(),
                        Map.of()));
    }

    private static void runTogether(ExecutorService pool, List<Runnable> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (Runnable task : tasks) {
            running.add(pool.submit(() -> {
                start.await();
                task.run();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : running) {
            future.get();
        }
    }

    /** Every section of an edition names it, so any chunk tells which version it came from. */
    private static String edition(int round, int edition, int sections) {
        StringBuilder text = new StringBuilder("# Round " + round + "\n");
        for (int s = 0; s < sections; s++) {
            text.append("\n## Section ").append(s).append("\n\nThis is edition ").append(edition)
                    .append(", section ").append(s).append(" of round ").append(round).append(".\n");
        }
        return text.toString();
    }

    private static int sections(String text) {
        return (int) text.lines().filter(l -> l.startsWith("## ")).count();
    }

    private static int editionOf(String chunkText) {
        Set<Integer> editions = VERSION_MARK.matcher(chunkText).results().map(m -> Integer.parseInt(m.group(1)))
                .collect(Collectors.toSet());
        assertThat(editions).as("editions named in chunk %s", chunkText).hasSize(1);
        return editions.iterator().next();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
