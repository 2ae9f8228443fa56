package dev.ragfn.samcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files under check, found from the repository root that surefire passes as repo.root. */
final class Repo {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    /** Not a Lambda function: the local process that runs them all. */
    private static final String BUNDLE = "bundle";

    private Repo() {
    }

    static Path root() {
        return Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize();
    }

    static Path sam(String file) {
        return root().resolve("sam").resolve(file);
    }

    static JsonNode yaml(Path file) {
        return read(YAML, file);
    }

    static JsonNode json(Path file) {
        return read(JSON, file);
    }

    /** Names of the function modules: directories under functions/ with a pom, except the bundle. */
    static List<String> functionModules() {
        try (Stream<Path> dirs = Files.list(root().resolve("functions"))) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
                    .map(dir -> dir.getFileName().toString())
                    .filter(name -> !name.equals(BUNDLE))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the module has a Funqy function, whose answer is its event: the others (the management API)
     * publish their events to the bus themselves, with detail-type = the type, as any sender does.
     */
    static boolean answersWithEvents(String module) {
        Path sources = root().resolve("functions").resolve(module).resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (Files.readString(file).contains("@Funq")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "ragfn-dead-letters" to "RagfnDeadLetters": how names of triggers.yaml become logical ids. */
    static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[-_.]")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + file, e);
        }
    }
}
