package dev.ragfn.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.TokenCountEstimator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Counts the tokens a BERT WordPiece tokenizer (a Hugging Face tokenizer.json with BertNormalizer,
 * BertPreTokenizer and WordPiece) makes of a text, without special tokens and without truncation.
 * The same count as the Rust tokenizer, in Java: no native call, and no ids, offsets or token
 * strings built only to be counted.
 * <p>
 * As in the Rust tokenizer, the added tokens ([CLS], [SEP], ...) are found in the raw text first
 * and count one each; the text between them is normalized, split into words and cut into pieces.
 * Immutable, so one instance serves concurrent callers.
 */
public final class WordPieceTokenCounter implements TokenCountEstimator {

    /** Longest first, so the longest of several tokens matching at one position wins. */
    private final List<String> addedTokens;
    /** The first characters of the added tokens, to pass over most positions with one test. */
    private final String addedTokenStarts;
    private final BertNormalizer normalizer;
    private final WordPiece wordPiece;

    private WordPieceTokenCounter(List<String> addedTokens, BertNormalizer normalizer, WordPiece wordPiece) {
        this.addedTokens = addedTokens.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.addedTokenStarts = addedTokens.stream().map(token -> token.substring(0, 1)).distinct()
                .collect(Collectors.joining());
        this.normalizer = normalizer;
        this.wordPiece = wordPiece;
    }

    /** Reads a Hugging Face tokenizer.json; refuses one whose steps this class does not implement. */
    public static WordPieceTokenCounter fromJson(InputStream tokenizerJson) {
        JsonNode tokenizer;
        try {
            tokenizer = new ObjectMapper().readTree(tokenizerJson);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the tokenizer.json", e);
        }
        String preTokenizer = tokenizer.path("pre_tokenizer").path("type").asText("null");
        if (!preTokenizer.equals("BertPreTokenizer")) {
            throw new IllegalArgumentException("tokenizer.json has pre_tokenizer " + preTokenizer
                    + "; WordPieceTokenCounter implements only BertPreTokenizer");
        }
        return new WordPieceTokenCounter(addedTokens(tokenizer.path("added_tokens")),
                BertNormalizer.fromJson(tokenizer.path("normalizer")), WordPiece.fromJson(tokenizer.path("model")));
    }

    private static List<String> addedTokens(JsonNode tokens) {
        List<String> contents = new ArrayList<>();
        for (JsonNode token : tokens) {
            String content = token.path("content").asText();
            boolean plainMatch = !token.path("normalized").asBoolean() && !token.path("lstrip").asBoolean()
                    && !token.path("rstrip").asBoolean() && !token.path("single_word").asBoolean();
            if (!plainMatch) {
                throw new IllegalArgumentException("tokenizer.json has added token " + content
                        + " with normalized, lstrip, rstrip or single_word set; WordPieceTokenCounter matches"
                        + " added tokens only verbatim in the raw text");
            }
            if (!content.isEmpty()) {
                contents.add(content);
            }
        }
        return contents;
    }

    @Override
    public int estimateTokenCountInText(String original) {
        String text = asRustReadsIt(original);
        int count = 0;
        int segmentStart = 0;
        for (int i = 0; i < text.length(); ) {
            String added = addedTokenAt(text, i);
            if (added == null) {
                i++;
            } else {
                count += countSegment(text, segmentStart, i) + 1;
                i += added.length();
                segmentStart = i;
            }
        }
        return count + countSegment(text, segmentStart, text.length());
    }

    /** As LangChain4j's HuggingFaceTokenCountEstimator: the text of the message, nothing for its role. */
    @Override
    public int estimateTokenCountInMessage(ChatMessage message) {
        return switch (message) {
            case SystemMessage system -> estimateTokenCountInText(system.text());
            case UserMessage user -> estimateTokenCountInText(user.singleText());
            case AiMessage ai -> ai.text() == null ? 0 : estimateTokenCountInText(ai.text());
            case ToolExecutionResultMessage result -> estimateTokenCountInText(result.text());
            default -> throw new IllegalArgumentException("Unknown message type: " + message);
        };
    }

    @Override
    public int estimateTokenCountInMessages(Iterable<ChatMessage> messages) {
        int count = 0;
        for (ChatMessage message : messages) {
            count += estimateTokenCountInMessage(message);
        }
        return count;
    }

    /**
     * The text as the Rust tokenizer receives it through DJL. The JNI bridge passes Java's modified
     * UTF-8; a string with a lone surrogate is not valid there, and the bridge decodes its bytes as
     * lossy UTF-8 instead: then every surrogate, paired or not, becomes three U+FFFD, and NUL two.
     */
    private static String asRustReadsIt(String text) {
        if (!hasLoneSurrogate(text)) {
            return text;
        }
        StringBuilder decoded = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                decoded.append("\uFFFD\uFFFD\uFFFD");
            } else if (c == 0) {
                decoded.append("\uFFFD\uFFFD");
            } else {
                decoded.append(c);
            }
        }
        return decoded.toString();
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private String addedTokenAt(String text, int index) {
        if (addedTokenStarts.indexOf(text.charAt(index)) < 0) {
            return null;
        }
        for (String token : addedTokens) {
            if (text.startsWith(token, index)) {
                return token;
            }
        }
        return null;
    }

    private int countSegment(String text, int from, int to) {
        return from == to ? 0 : countWords(normalizer.normalize(text, from, to));
    }

    /** BertPreTokenizer: white space separates words, and each punctuation character is a word of its own. */
    private int countWords(String text) {
        int count = 0;
        int wordStart = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean space = BertCharacters.isWhitespace(c);
            boolean punctuation = !space && BertCharacters.isPunctuation(c);
            if ((space || punctuation) && wordStart >= 0) {
                count += wordPiece.count(text, wordStart, i);
                wordStart = -1;
            }
            if (punctuation) {
                // A one-character word is one token: its vocabulary entry, or the unknown token.
                count++;
            } else if (!space && wordStart < 0) {
                wordStart = i;
            }
            i += Character.charCount(c);
        }
        return wordStart < 0 ? count : count + wordPiece.count(text, wordStart, text.length());
    }
}
