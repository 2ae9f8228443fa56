package dev.ragfn.benchmarks;

import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.ragfn.embedding.WordPieceTokenCounter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Time to count the tokens of one paragraph of about 90 tokens, as the ingest chunker does for
 * every paragraph and chunk: with WordPieceTokenCounter, which EmbeddingModels.tokenizer() returns,
 * and with LangChain4j's HuggingFaceTokenCountEstimator on DJL's Rust tokenizer, which it replaced.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class TokenCountBenchmark {

    private static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";
    private static final int PARAGRAPHS = 1024;

    @Param({"java", "rust"})
    public String tokenizer;

    private TokenCountEstimator counter;
    private String[] paragraphs;
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException {
        byte[] json = tokenizerJson();
        counter = tokenizer.equals("java") ? WordPieceTokenCounter.fromJson(new ByteArrayInputStream(json)) : rust(json);
        paragraphs = BenchData.paragraphs(11, PARAGRAPHS);
    }

    @Benchmark
    public int countParagraph() {
        return counter.estimateTokenCountInText(paragraphs[next++ & (PARAGRAPHS - 1)]);
    }

    /** As EmbeddingModels.tokenizer() reads it; that class itself needs the AWS SDK, left out of this jar. */
    private static byte[] tokenizerJson() throws IOException {
        try (InputStream in = TokenCountBenchmark.class.getClassLoader().getResourceAsStream(TOKENIZER)) {
            if (in == null) {
                throw new IllegalStateException(TOKENIZER + " is not on the class path");
            }
            return in.readAllBytes();
        }
    }

    /** Built as EmbeddingModels built it before, but with truncation off so both give the full count. */
    private static TokenCountEstimator rust(byte[] json) throws IOException {
        Path file = Files.createTempFile("ragfn-bench-tokenizer", ".json");
        file.toFile().deleteOnExit();
        Files.write(file, json);
        return new HuggingFaceTokenCountEstimator(file, Map.of("padding", "false", "truncation", "false"));
    }
}
