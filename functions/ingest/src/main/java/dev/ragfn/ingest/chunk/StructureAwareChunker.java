package dev.ragfn.ingest.chunk;

import dev.langchain4j.model.TokenCountEstimator;
import dev.ragfn.core.domain.HeadingPath;
import dev.ragfn.core.error.TooLargeException;
import dev.ragfn.ingest.parse.Deadline;
import dev.ragfn.ingest.parse.Section;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Splits a parsed document by its structure first (sections under headings, then paragraphs),
 * and only then by size: paragraphs are packed into chunks up to the token budget, and a
 * paragraph too long for one chunk is split by sentences, then by words. Consecutive chunks of a
 * section share a tail of {@code overlapTokens} so a sentence cut at a boundary is still found.
 * Every chunk is measured with the embedding model's own tokenizer, so none is truncated.
 * A chunk carries its section's heading path, which is embedded with it, when headings are included
 * and the path takes at most half the token budget.
 */
public final class StructureAwareChunker {

    private static final Pattern PARAGRAPHS = Pattern.compile("\\n\\s*\\n");
    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?;:])\\s+");
    private static final Pattern WORDS = Pattern.compile("\\s+");
    /**
     * A token is counted for at most this many characters. The WordPiece tokenizer reads a "word" over 100
     * characters (a hash, base64, a minified line) as one unknown token, which once let a 9 MB word through
     * as a single one-token chunk, over the store's item limit; real text has 3 to 6 characters per token.
     */
    private static final int MAX_CHARS_PER_TOKEN = 20;

    private final TokenCountEstimator tokens;
    private final ChunkingOptions options;

    public StructureAwareChunker(TokenCountEstimator tokens, ChunkingOptions options) {
        this.tokens = tokens;
        this.options = options;
    }

    public List<ChunkDraft> chunk(List<Section> sections) {
        return chunk(sections, Integer.MAX_VALUE, Deadline.NONE);
    }

    /**
     * Chunks, stopping as soon as the document would make more than {@code maxChunks} chunks, or when the
     * deadline passes: either way the document would cost more to embed and store than a deployment allows.
     *
     * @throws TooLargeException naming ragfn.ingest.max-chunks-per-document, or the deadline's reason
     */
    public List<ChunkDraft> chunk(List<Section> sections, int maxChunks, Deadline deadline) {
        return new Run(maxChunks, deadline).chunk(sections);
    }

    /**
     * One document's chunking. Packing and overlap measure the same paragraphs and sentences several
     * times; the tokenizer is the costliest step, so each distinct text is measured once.
     */
    private final class Run {

        private final Map<String, Integer> counted = new HashMap<>();
        private final int maxChunks;
        private final Deadline deadline;

        Run(int maxChunks, Deadline deadline) {
            this.maxChunks = maxChunks;
            this.deadline = deadline;
        }

        List<ChunkDraft> chunk(List<Section> sections) {
            List<ChunkDraft> chunks = new ArrayList<>();
            for (Section section : sections) {
                List<String> headingPath = options.includeHeadings() ? section.headingPath() : List.of();
                int budget = options.maxTokens() - count(HeadingPath.searchText(headingPath, ""));
                if (budget < options.maxTokens() / 2) {
                    headingPath = List.of();
                    budget = options.maxTokens();
                }
                for (String body : pack(units(section.text(), budget), budget, "\n\n", maxChunks - chunks.size())) {
                    chunks.add(new ChunkDraft(chunks.size(), body, headingPath,
                            count(HeadingPath.searchText(headingPath, body)), section.metadata()));
                }
            }
            return chunks;
        }

        /** Pieces no larger than the budget, in reading order: paragraphs, or their sentences or words. */
        private List<String> units(String text, int budget) {
            List<String> units = new ArrayList<>();
            for (String paragraph : PARAGRAPHS.split(text.strip())) {
                String p = paragraph.strip();
                if (!p.isEmpty()) {
                    split(p, budget, 0, units);
                }
            }
            return units;
        }

        private void split(String text, int budget, int level, List<String> out) {
            if (count(text) <= budget) {
                out.add(text);
                return;
            }
            Pattern separator = level == 0 ? SENTENCES : WORDS;
            String[] parts = separator.split(text);
            if (parts.length == 1) {
                splitByCharacters(text, budget, out);
                return;
            }
            for (String group : pack(List.of(parts), budget, " ", Integer.MAX_VALUE)) {
                if (count(group) <= budget) {
                    out.add(group);
                } else if (level == 0) {
                    split(group, budget, 1, out);
                } else {
                    splitByCharacters(group, budget, out);
                }
            }
        }

        /** Last resort for one giant "word" (a hash, a minified line): halve until it fits. */
        private void splitByCharacters(String text, int budget, List<String> out) {
            if (count(text) <= budget || text.length() < 2) {
                out.add(text);
                return;
            }
            int middle = text.length() / 2;
            splitByCharacters(text.substring(0, middle), budget, out);
            splitByCharacters(text.substring(middle), budget, out);
        }

        /**
         * Greedy packing; each new chunk starts with the previous chunk's last units up to the overlap.
         * Refuses to pack more than {@code room} chunks.
         */
        private List<String> pack(List<String> units, int budget, String joiner, int room) {
            List<String> chunks = new ArrayList<>();
            List<String> current = new ArrayList<>();
            int currentTokens = 0;
            for (String unit : units) {
                int unitTokens = count(unit);
                if (!current.isEmpty() && currentTokens + unitTokens > budget) {
                    if (chunks.size() == room) {
                        throw tooManyChunks();
                    }
                    chunks.add(String.join(joiner, current));
                    current = overlapTail(current, budget - unitTokens);
                    currentTokens = current.stream().mapToInt(this::count).sum();
                }
                current.add(unit);
                currentTokens += unitTokens;
            }
            if (!current.isEmpty()) {
                if (chunks.size() == room) {
                    throw tooManyChunks();
                }
                chunks.add(String.join(joiner, current));
            }
            return chunks;
        }

        private TooLargeException tooManyChunks() {
            return new TooLargeException("The document makes more than " + maxChunks + " chunks of at most "
                    + options.maxTokens() + " tokens, over ragfn.ingest.max-chunks-per-document=" + maxChunks
                    + ": split it into smaller documents, or raise the limit");
        }

        private List<String> overlapTail(List<String> previous, int room) {
            int limit = Math.min(options.overlapTokens(), Math.max(room, 0));
            List<String> tail = new ArrayList<>();
            int used = 0;
            for (int i = previous.size() - 1; i >= 0; i--) {
                int t = count(previous.get(i));
                if (used + t > limit) {
                    break;
                }
                tail.addFirst(previous.get(i));
                used += t;
            }
            return tail;
        }

        /** Every loop of chunking measures text, the costliest step, so this is where the deadline is checked. */
        private int count(String text) {
            if (text.isEmpty()) {
                return 0;
            }
            Integer known = counted.get(text);
            if (known != null) {
                return known;
            }
            deadline.check();
            int measured = Math.max(tokens.estimateTokenCountInText(text), text.length() / MAX_CHARS_PER_TOKEN);
            counted.put(text, measured);
            return measured;
        }
    }
}
