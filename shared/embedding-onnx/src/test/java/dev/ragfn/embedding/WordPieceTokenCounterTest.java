package dev.ragfn.embedding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every count is compared with the Rust tokenizer's, through LangChain4j's
 * HuggingFaceTokenCountEstimator on DJL, as EmbeddingModels counted before. One difference in how
 * it is built: padding and truncation are turned off. Built from the bare file, DJL applies the
 * tokenizer.json's truncation to 128 tokens, and any longer text would count as 128.
 */
class WordPieceTokenCounterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLES = Path.of(System.getProperty("repo.root", "..")).resolve("samples");

    private static WordPieceTokenCounter counter;
    private static HuggingFaceTokenCountEstimator rust;

    @BeforeAll
    static void loadBoth(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tokenizer.json");
        try (InputStream in = EmbeddingModels.minilmResource(EmbeddingModels.MINILM_TOKENIZER)) {
            Files.copy(in, file);
        }
        rust = new HuggingFaceTokenCountEstimator(file, Map.of("padding", "false", "truncation", "false"));
        try (InputStream in = Files.newInputStream(file)) {
            counter = WordPieceTokenCounter.fromJson(in);
        }
    }

    static Stream<String> handPicked() {
        return Stream.of(
                "The quick brown fox jumps over the lazy dog.",
                "Employees get 25 days of paid vacation per year; unused days expire on March 31st.",
                "# Runbook\n\n## Rotate the credential\n\n1. Open **Secrets Manager** → `prod/db`.\n2. Click *Rotate*.\n"
                        + "- [x] done\n> quoted (with parens) & ampersands | pipes ~ tildes ^ carets",
                "Version 3.14.159, 2,718 users, 1e-9 s, 0x7FFF, $1,000.00, 42%, 10:30–11:45, +49 30 1234567",
                "See https://example.com/docs/getting-started?lang=en&v=2#install or mailto:ops@example.org",
                "café naïve Ångström résumé coöperate façade Øresund Æsir",
                "Straße STRASSE ẞ Maß",
                "İstanbul ıspanak I ı İ i",
                "ΣΊΣΥΦΟΣ σίσυφος Σ ς ΟΔΟΣ",
                "机器学习是人工智能的一个分支。",
                "東京は日本の首都です。カタカナ ひらがな",
                "한국어 텍스트를 토큰화합니다",
                "family 👨‍👩‍👧‍👦, thumbs 👍🏽 👍🏿, flag 🇩🇪, heart ❤️, 🥰 and 🫠",
                "مرحبا بالعالم، هذا اختبار.",
                "שלום עולם, זו בדיקה.",
                "e\u0301 a\u0308 n\u0303 o\u0338 \u0301alone x\u0327\u0301\u0316y",
                "tab\there\nnew line\r\ncarriage\u0000nul\u0007bell\u001bescape\u007fdel\u0085nel\u001cfs\u001fus",
                "zero\u200Bwidth\u200Cnon\u200Djoiner\u2060word\uFEFFbom\u00ADsoft\u200Ehyphen",
                "no\u00A0break\u2007figure\u202Fnarrow\u3000ideographic\u2003em\u1680ogham\u2028line\u2029para",
                "replacement \uFFFD char and a\uFFFDb",
                "a".repeat(150),
                "b".repeat(100),
                "c".repeat(101),
                "supercalifragilisticexpialidocious antidisestablishmentarianism pneumonoultramicroscopic",
                "qzxqzxqzx ☃☃☃ ꙮꙮ 𓀀𓀁 xq9_zz",
                "[CLS] hello [SEP]",
                "[MASK]",
                "x[UNK]y",
                "[CLS][SEP][PAD][MASK][UNK]",
                "[cls] [Sep] [ MASK ] [[CLS]] [CLS",
                "",
                " ",
                "   \t\n\r\n  \u00A0\u3000 ",
                "lone \uD800 high and \uDC00 low, reversed \uDC00\uD800 pair",
                // DJL reads the whole text as lossy UTF-8 then: the emoji and the 𠀀 become U+FFFD too.
                "one lone \uDFFF surrogate, then 🥰 and 𠀀 and 東京 and nul\u0000");
    }

    @ParameterizedTest
    @MethodSource("handPicked")
    void should_count_as_the_rust_tokenizer_when_a_text_is_hand_picked(String text) {
        assertThat(counter.estimateTokenCountInText(text)).isEqualTo(rust.estimateTokenCountInText(text));
    }

    @Test
    void should_count_as_the_rust_tokenizer_when_texts_are_random() {
        Random random = new Random(20261125);
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            String text = RandomText.of(random);
            if (counter.estimateTokenCountInText(text) != rust.estimateTokenCountInText(text)) {
                differing.add(text);
            }
        }
        assertThat(differing).isEmpty();
    }

    /** Alone, a character shows whether it is dropped; between two letters, whether it splits words. */
    @Test
    void should_count_as_the_rust_tokenizer_when_a_text_holds_any_one_code_point() {
        List<String> differing = IntStream.rangeClosed(0, Character.MAX_CODE_POINT).parallel()
                .mapToObj(Character::toString)
                .flatMap(character -> Stream.of(character, "a" + character + "b"))
                .filter(text -> counter.estimateTokenCountInText(text) != rust.estimateTokenCountInText(text))
                .map(text -> text.codePoints().mapToObj("U+%04X"::formatted).toList().toString())
                .toList();

        assertThat(differing).isEmpty();
    }

    /** The settings come from the file: with one switched, the counts still follow the Rust tokenizer's. */
    @ParameterizedTest
    @ValueSource(strings = {"clean_text=false", "handle_chinese_chars=false", "strip_accents=false", "lowercase=false",
            "lowercase=false,strip_accents=true"})
    void should_count_as_the_rust_tokenizer_when_a_normalizer_setting_differs(String settings, @TempDir Path dir)
            throws IOException {
        ObjectNode tokenizer;
        try (InputStream in = EmbeddingModels.minilmResource(EmbeddingModels.MINILM_TOKENIZER)) {
            tokenizer = (ObjectNode) JSON.readTree(in);
        }
        ObjectNode normalizer = (ObjectNode) tokenizer.get("normalizer");
        for (String setting : settings.split(",")) {
            String[] nameAndValue = setting.split("=");
            normalizer.put(nameAndValue[0], Boolean.parseBoolean(nameAndValue[1]));
        }
        Path file = dir.resolve("tokenizer.json");
        JSON.writeValue(file.toFile(), tokenizer);
        var rustVariant = new HuggingFaceTokenCountEstimator(file, Map.of("padding", "false", "truncation", "false"));
        WordPieceTokenCounter variant;
        try (InputStream in = Files.newInputStream(file)) {
            variant = WordPieceTokenCounter.fromJson(in);
        }

        Random random = new Random(settings.hashCode());
        List<String> texts = Stream.concat(handPicked(), Stream.generate(() -> RandomText.of(random)).limit(500)).toList();
        List<String> differing = texts.stream()
                .filter(text -> variant.estimateTokenCountInText(text) != rustVariant.estimateTokenCountInText(text))
                .toList();

        assertThat(differing).isEmpty();
    }

    @Test
    void should_count_as_the_rust_tokenizer_when_texts_are_the_sample_documents() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(SAMPLES)) {
            for (Path file : files.sorted().toList()) {
                String document = Files.readString(file);
                texts.add(document);
                texts.addAll(List.of(document.split("\\n\\s*\\n")));
            }
        }

        assertThat(texts).hasSizeGreaterThan(10);
        for (String text : texts) {
            assertThat(counter.estimateTokenCountInText(text)).as(text).isEqualTo(rust.estimateTokenCountInText(text));
        }
    }

    @Test
    void should_count_past_the_models_input_length_when_a_text_is_long() {
        String text = "Chunks are sized in the model's own tokens. ".repeat(40);

        assertThat(counter.estimateTokenCountInText(text)).isEqualTo(rust.estimateTokenCountInText(text))
                .isGreaterThan(128);
    }

    @Test
    void should_count_the_texts_of_messages_as_the_rust_estimator_does() {
        List<ChatMessage> messages = List.of(SystemMessage.from("Answer from the context."),
                UserMessage.from("How many vacation days?"), AiMessage.from("25 days [1]."));

        assertThat(counter.estimateTokenCountInMessages(messages)).isEqualTo(rust.estimateTokenCountInMessages(messages));
        assertThat(counter.estimateTokenCountInMessage(messages.get(1)))
                .isEqualTo(rust.estimateTokenCountInMessage(messages.get(1)));
    }

    @Test
    void should_give_the_same_counts_when_threads_share_one_counter() {
        Random random = new Random(7);
        List<String> texts = IntStream.range(0, 2000).mapToObj(i -> RandomText.of(random)).toList();
        List<Integer> sequential = texts.stream().map(counter::estimateTokenCountInText).toList();

        List<Integer> parallel = texts.parallelStream().map(counter::estimateTokenCountInText).toList();

        assertThat(parallel).isEqualTo(sequential);
    }

    @Test
    void should_refuse_a_tokenizer_when_a_step_is_not_the_bert_one() {
        assertThatThrownBy(() -> fromJson(tokenizerJson("BPE", "BertNormalizer", "BertPreTokenizer", false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model BPE");
        assertThatThrownBy(() -> fromJson(tokenizerJson("WordPiece", "NFKC", "BertPreTokenizer", false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("normalizer NFKC");
        assertThatThrownBy(() -> fromJson(tokenizerJson("WordPiece", "BertNormalizer", "Whitespace", false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pre_tokenizer Whitespace");
        assertThatThrownBy(() -> fromJson(tokenizerJson("WordPiece", "BertNormalizer", "BertPreTokenizer", true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("added token [X]");
    }

    @Test
    void should_read_the_settings_of_the_file_when_they_differ_from_minilms() {
        String json = tokenizerJson("WordPiece", "BertNormalizer", "BertPreTokenizer", false);

        WordPieceTokenCounter uncased = fromJson(json);
        WordPieceTokenCounter cased = fromJson(json.replace("\"lowercase\": true", "\"lowercase\": false"));

        assertThat(uncased.estimateTokenCountInText("Hugging")).isEqualTo(2);
        // The vocabulary has "hug" but no "Hug".
        assertThat(cased.estimateTokenCountInText("Hugging")).isEqualTo(1);
        // Longer than the file's 8 characters a word.
        assertThat(uncased.estimateTokenCountInText("huggingging")).isEqualTo(1);
    }

    private static WordPieceTokenCounter fromJson(String json) {
        return WordPieceTokenCounter.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** A small tokenizer.json: vocabulary hug, ##ging, [UNK], at most 8 characters a word. */
    private static String tokenizerJson(String model, String normalizer, String preTokenizer, boolean lstrip) {
        return """
                {"added_tokens": [{"id": 0, "content": "[X]", "single_word": false, "lstrip": %s, "rstrip": false,
                                   "normalized": false, "special": true}],
                 "normalizer": {"type": "%s", "clean_text": true, "handle_chinese_chars": true,
                                "strip_accents": null, "lowercase": true},
                 "pre_tokenizer": {"type": "%s"},
                 "model": {"type": "%s", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                           "max_input_chars_per_word": 8, "vocab": {"[UNK]": 0, "hug": 1, "##ging": 2}}}
                """.formatted(lstrip, normalizer, preTokenizer, model);
    }

    /** Random texts from the kinds of characters where tokenizers differ: scripts, marks, spaces, controls. */
    private static final class RandomText {

        private static final int[][] RANGES = {
                {'a', 'z'}, {'A', 'Z'}, {'0', '9'}, {0x21, 0x7E}, // ASCII
                {0xA0, 0xFF}, {0x100, 0x24F}, {0x1E00, 0x1EFF},   // Latin-1, Latin Extended
                {0x300, 0x36F}, {0x1AB0, 0x1AFF}, {0x20D0, 0x20FF}, // combining marks
                {0x370, 0x3FF}, {0x400, 0x4FF}, {0x590, 0x6FF},     // Greek, Cyrillic, Hebrew, Arabic
                {0x4E00, 0x9FFF}, {0x3400, 0x4DBF}, {0x20000, 0x2A6DF}, {0xF900, 0xFAFF}, // CJK ideographs
                {0x3040, 0x30FF}, {0xAC00, 0xD7A3}, {0x1100, 0x11FF}, // kana, Hangul
                {0x1F300, 0x1FAFF}, {0x1F3FB, 0x1F3FF}, {0x200D, 0x200D}, {0xFE0F, 0xFE0F}, // emoji, ZWJ
                {0x2000, 0x206F}, {0x2E00, 0x2E7F}, {0x3000, 0x303F}, {0xFF00, 0xFFEF}, // punctuation blocks
                {0x9, 0xD}, {0x1C, 0x20}, {0x85, 0x85}, {0x1680, 0x1680}, {0x180E, 0x180E}, // spaces
                {0x0, 0x1F}, {0x7F, 0x9F}, {0xFFF9, 0xFFFF},      // controls, specials
                {0xE000, 0xF8FF}, {0xF0000, 0xF00FF},             // private use
                {0x378, 0x37F}, {0x2FE0, 0x2FEF}, {0x40000, 0xDFFFF}, {0x10FFFE, 0x10FFFF}, // unassigned
                {0xD800, 0xDFFF},                                 // lone surrogates
                {0x1885, 0x1886}, {0x166D, 0x166D}, {0x1734, 0x1734}, {0x08D4, 0x08E2}, // changed since Unicode 8
        };
        private static final String[] WORDS = {"the", "tokenizer", "embedding", "retrieval", "un", "##able",
                "[CLS]", "[SEP]", "[MASK]", "[UNK]", "[PAD]", "[", "]", "UNK", "CLS", "Ünïcödé", "İ", "ς", "ß",
                "https://x.io/a?b=c", "x".repeat(99), "y".repeat(100), "z".repeat(101)};

        static String of(Random random) {
            StringBuilder text = new StringBuilder();
            int pieces = 1 + random.nextInt(60);
            for (int i = 0; i < pieces; i++) {
                if (random.nextInt(4) == 0) {
                    text.append(WORDS[random.nextInt(WORDS.length)]);
                } else {
                    int[] range = RANGES[random.nextInt(RANGES.length)];
                    int length = 1 + random.nextInt(random.nextInt(5) == 0 ? 12 : 3);
                    for (int j = 0; j < length; j++) {
                        text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
                    }
                }
                if (random.nextInt(3) == 0) {
                    text.append(' ');
                }
            }
            return text.toString();
        }
    }
}
