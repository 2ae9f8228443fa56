package dev.ragfn.shield.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Reads the public shield sets (../shared/eval/shield) in their own formats: a line with {@code label} is a
 * prompt-injection example, one with {@code spans} a PII example, one with {@code secret} a secrets example.
 * Every {@code *.jsonl} under a folder is read; a text seen twice in one format counts once.
 * <p>
 * A row keeps its own {@code split} when it has one; otherwise a hash decides, deterministically, so that a
 * quarter of the rows are the test part: of the {@code template_id} for PII (sentences of one template must
 * not fall on both sides), of the text otherwise.
 */
public final class PublicSets {

    public enum Split { TRAIN, TEST }

    /** {@code category}: the attack type BIPIA gives its payloads, empty elsewhere. */
    public record InjectionExample(String text, boolean injection, Split split, String category) {
    }

    /** A gold span in UTF-16 offsets (the files count code points). */
    public record GoldSpan(int start, int end, String type) {
    }

    public record PiiExample(String text, List<GoldSpan> spans, Split split) {
    }

    public record SecretExample(String text, boolean secret, String type, Split split) {
    }

    public record Sets(List<InjectionExample> injection, List<PiiExample> pii, List<SecretExample> secrets) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private PublicSets() {
    }

    /** Where the sets lie when the project is checked out beside the shared folder; empty when absent. */
    public static Optional<Path> defaultFolder() {
        String configured = System.getProperty("ragfn.shield.eval.dir");
        Path folder = configured != null ? Path.of(configured)
                : Stream.of(Path.of("../shared/eval/shield"), Path.of("../../shared/eval/shield"), Path.of("../../../shared/eval/shield"))
                        .filter(Files::isDirectory).findFirst().orElse(Path.of("../shared/eval/shield"));
        return Files.isDirectory(folder) ? Optional.of(folder.toAbsolutePath().normalize()) : Optional.empty();
    }

    public static Sets read(Path folder) {
        Map<String, InjectionExample> injection = new LinkedHashMap<>();
        Map<String, PiiExample> pii = new LinkedHashMap<>();
        Map<String, SecretExample> secrets = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode row = JSON.readTree(line);
                    String text = row.path("text").asText();
                    if (row.has("label")) {
                        injection.putIfAbsent(text, new InjectionExample(text,
                                "injection".equals(row.get("label").asText()), split(row, text), row.path("category").asText()));
                    } else if (row.has("spans")) {
                        pii.putIfAbsent(text, new PiiExample(text, goldSpans(text, row.get("spans")),
                                split(row, row.has("template_id") ? row.get("template_id").asText() : text)));
                    } else if (row.has("secret")) {
                        String key = text + "\u0000" + row.path("context").asText();
                        secrets.putIfAbsent(key, new SecretExample(text, row.get("secret").asBoolean(),
                                row.path("type").asText(), split(row, key)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read evaluation sets under " + folder + ": " + e.getMessage(), e);
        }
        return new Sets(List.copyOf(injection.values()), List.copyOf(pii.values()), List.copyOf(secrets.values()));
    }

    private static List<GoldSpan> goldSpans(String text, JsonNode spans) {
        List<GoldSpan> gold = new ArrayList<>();
        int codePoints = text.codePointCount(0, text.length());
        for (JsonNode span : spans) {
            int start = Math.min(span.get("start").asInt(), codePoints);
            int end = Math.min(span.get("end").asInt(), codePoints);
            gold.add(new GoldSpan(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end),
                    span.get("type").asText()));
        }
        return gold;
    }

    private static Split split(JsonNode row, String hashed) {
        if (row.has("split")) {
            return "test".equalsIgnoreCase(row.get("split").asText()) ? Split.TEST : Split.TRAIN;
        }
        CRC32 crc = new CRC32();
        crc.update(hashed.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 4 == 0 ? Split.TEST : Split.TRAIN;
    }
}
