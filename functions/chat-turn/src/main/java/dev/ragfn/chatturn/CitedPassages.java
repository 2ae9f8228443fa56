package dev.ragfn.chatturn;

import dev.ragfn.retrieve.Passage;

import java.util.ArrayList;
import java.util.List;

/**
 * The numbered sources of one turn: the retrieved passages first ([1], [2], ...), then those that
 * tools found, numbered on. A passage found twice keeps its first number.
 */
final class CitedPassages {

    private final List<Passage> passages = new ArrayList<>();

    CitedPassages(List<Passage> retrieved) {
        retrieved.forEach(this::cite);
    }

    /** The passage's number, assigning the next one if it is new. */
    synchronized int cite(Passage passage) {
        for (int i = 0; i < passages.size(); i++) {
            Passage known = passages.get(i);
            if (known.knowledgeBase().equals(passage.knowledgeBase()) && known.documentId().equals(passage.documentId())
                    && known.chunkId().equals(passage.chunkId())) {
                return i + 1;
            }
        }
        passages.add(passage);
        return passages.size();
    }

    synchronized List<Passage> all() {
        return List.copyOf(passages);
    }

    synchronized int size() {
        return passages.size();
    }

    /** Drops the passages numbered after {@code size}: a tool result the model never saw cites nothing. */
    synchronized void forgetAfter(int size) {
        passages.subList(size, passages.size()).clear();
    }
}
