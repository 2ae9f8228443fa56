package dev.ragfn.bundle.broker;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ragfn.core.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The broker's dead letters, one JSON line each, bounded: a letter keeps its event's envelope and the
 * error whole and cuts the data to fit, and the file rotates (dead-letters.1.jsonl is the newest
 * rotated one) keeping a fixed number of files, so a flood of bad events cannot fill the disk.
 */
final class DeadLetterFile {

    /** Room kept for the envelope; ids, types and sources are at most 512 characters each (Ids). */
    private static final int ENVELOPE_BYTES = 4_096;
    /** The most a character can take once written into a JSON string: a control character becomes a six-character escape. */
    private static final int BYTES_PER_CHAR = 6;

    /** What is kept of an event that could not be delivered. */
    record Letter(String function, String type, String id, String source, Map<String, String> extensions,
                  Object data, String error) {
    }

    private final Path file;
    private final int maxLetterBytes;
    private final long maxFileBytes;
    private final int maxFiles;

    DeadLetterFile(Path file, int maxLetterBytes, long maxFileBytes, int maxFiles) {
        if (maxLetterBytes <= ENVELOPE_BYTES) {
            throw new IllegalArgumentException("a dead letter needs more than " + ENVELOPE_BYTES + " bytes, not " + maxLetterBytes);
        }
        this.file = file;
        this.maxLetterBytes = maxLetterBytes;
        this.maxFileBytes = Math.max(maxFileBytes, maxLetterBytes);
        this.maxFiles = Math.max(1, maxFiles);
    }

    synchronized void write(Letter letter) {
        byte[] line = (encode(letter) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (Files.exists(file) && Files.size(file) + line.length > maxFileBytes) {
                rotate();
            }
            Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write the dead letter to " + file, e);
        }
    }

    private String encode(Letter letter) {
        int budget = maxLetterBytes - ENVELOPE_BYTES;
        String error = cut(String.valueOf(letter.error()), budget / 4 / BYTES_PER_CHAR);
        Object data = letter.data() == null ? "" : letter.data();
        String dataJson = json(data);
        int dataRoom = budget - utf8(json(error));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("function", letter.function());
        line.put("type", letter.type());
        line.put("id", letter.id());
        line.put("source", letter.source());
        line.put("extensions", letter.extensions());
        line.put("error", error);
        if (utf8(dataJson) <= dataRoom) {
            line.put("data", data);
        } else {
            // The data as JSON text, cut: enough to recognise the event, and marked so nobody replays it as is.
            line.put("dataTruncated", true);
            line.put("dataBytes", utf8(dataJson));
            line.put("data", cut(dataJson, dataRoom / BYTES_PER_CHAR));
        }
        return json(line);
    }

    /** dead-letters.jsonl becomes dead-letters.1.jsonl, .1 becomes .2, and so on; the oldest beyond the limit goes. */
    private void rotate() throws IOException {
        Files.deleteIfExists(rotated(maxFiles - 1));
        for (int n = maxFiles - 2; n >= 1; n--) {
            if (Files.exists(rotated(n))) {
                Files.move(rotated(n), rotated(n + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (maxFiles > 1) {
            Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.delete(file);
        }
    }

    private Path rotated(int n) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String rotated = dot < 0 ? name + "." + n : name.substring(0, dot) + "." + n + name.substring(dot);
        return file.resolveSibling(rotated);
    }

    private static String cut(String text, int maxChars) {
        return text.length() <= maxChars ? text : text.substring(0, maxChars) + "...";
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a dead letter as JSON", e);
        }
    }
}
