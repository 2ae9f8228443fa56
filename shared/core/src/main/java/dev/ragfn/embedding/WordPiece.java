package dev.ragfn.embedding;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;

/**
 * The WordPiece model of Hugging Face tokenizers, counting only: a word is cut into the longest
 * vocabulary entries from the left, pieces after the first carrying the continuation prefix
 * ("##"); a word with a position no entry matches, or longer than the limit, is one unknown token.
 * Immutable, so safe to share between threads.
 */
final class WordPiece {

    private static final int WORD_START = CharTrie.root(0);
    /** Entries that start with the continuation prefix, without it: the pieces after a word's first. */
    private static final int CONTINUATION = CharTrie.root(1);

    private final CharTrie vocabulary;
    private final int maxInputCharsPerWord;

    private WordPiece(CharTrie vocabulary, int maxInputCharsPerWord) {
        this.vocabulary = vocabulary;
        this.maxInputCharsPerWord = maxInputCharsPerWord;
    }

    /** Reads the {@code model} object of a tokenizer.json. */
    static WordPiece fromJson(JsonNode model) {
        String type = model.path("type").asText("null");
        if (!type.equals("WordPiece")) {
            throw new IllegalArgumentException("tokenizer.json has model " + type
                    + "; WordPieceTokenCounter implements only WordPiece");
        }
        JsonNode vocab = model.path("vocab");
        if (!vocab.isObject() || vocab.isEmpty()) {
            throw new IllegalArgumentException("tokenizer.json has no WordPiece vocabulary");
        }
        String prefix = model.path("continuing_subword_prefix").asText("##");
        CharTrie.Builder trie = new CharTrie.Builder(2);
        for (Iterator<String> entries = vocab.fieldNames(); entries.hasNext(); ) {
            String entry = entries.next();
            trie.add(0, entry, 0);
            if (entry.startsWith(prefix)) {
                trie.add(1, entry, prefix.length());
            }
        }
        return new WordPiece(trie.build(), model.path("max_input_chars_per_word").asInt(100));
    }

    /** The number of tokens of one pre-tokenized word, {@code text[from, to)}; an unknown word is one token. */
    int count(String text, int from, int to) {
        // The limit is in code points, never more than UTF-16 units: count them only when it may matter.
        if (to - from > maxInputCharsPerWord && text.codePointCount(from, to) > maxInputCharsPerWord) {
            return 1;
        }
        int pieces = 0;
        for (int start = from; start < to; pieces++) {
            int end = longestEntry(text, start, to, start == from ? WORD_START : CONTINUATION);
            if (end < 0) {
                return 1;
            }
            start = end;
        }
        return pieces;
    }

    /** Where the longest vocabulary entry that starts at {@code start} ends, or -1 if none does. */
    private int longestEntry(String text, int start, int to, int root) {
        int node = root;
        int end = -1;
        for (int i = start; i < to; i++) {
            node = vocabulary.step(node, text.charAt(i));
            if (node == CharTrie.NONE) {
                break;
            }
            if (CharTrie.endsEntry(node)) {
                end = i + 1;
            }
        }
        return end;
    }
}
