package dev.ragfn.retrieve.rerank;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.scoring.ScoringModel;
import dev.ragfn.retrieve.Passage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Re-ranks with any LangChain4j {@link ScoringModel}, typically a cross-encoder. */
public final class ScoringModelReranker implements Reranker {

    private final ScoringModel model;

    public ScoringModelReranker(ScoringModel model) {
        this.model = model;
    }

    @Override
    public List<Passage> rerank(String query, List<Passage> passages) {
        if (passages.isEmpty()) {
            return passages;
        }
        List<TextSegment> segments = passages.stream().map(p -> TextSegment.from(p.searchText())).toList();
        List<Double> scores = model.scoreAll(segments, query).content();
        if (scores.size() != passages.size()) {
            throw new IllegalStateException("the scoring model returned " + scores.size() + " scores for "
                    + passages.size() + " passages");
        }
        List<Passage> rescored = new ArrayList<>(passages.size());
        for (int i = 0; i < passages.size(); i++) {
            rescored.add(passages.get(i).withScore(scores.get(i)));
        }
        // A stable sort keeps the retrieval order among equal scores.
        rescored.sort(Comparator.comparingDouble(Passage::score).reversed());
        return rescored;
    }
}
