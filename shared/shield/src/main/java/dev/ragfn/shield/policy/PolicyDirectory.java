package dev.ragfn.shield.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Policies as files, all read and validated when the directory is opened:
 * <pre>
 * default.yaml              replaces the built-in default (optional)
 * &lt;tenant&gt;.yaml             applies to every knowledge base of the tenant
 * &lt;tenant&gt;/&lt;kb&gt;.yaml        applies to one knowledge base
 * </pre>
 * {@code .yml} and {@code .json} work too. The most specific file wins whole; files do not merge,
 * so what a file says is all that applies.
 */
public final class PolicyDirectory implements PolicyCatalog {

    private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json");
    private static final String DEFAULT_NAME = "default";

    private final Map<String, ShieldPolicy> policies = new LinkedHashMap<>();
    private final ShieldPolicy defaultPolicy;

    public PolicyDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new InvalidPolicyException("Shield policy directory " + directory + " does not exist");
        }
        try (Stream<Path> files = Files.walk(directory, 2)) {
            files.filter(Files::isRegularFile).filter(PolicyDirectory::isPolicyFile).sorted().forEach(file -> {
                String name = nameOf(directory.relativize(file));
                policies.put(name, PolicyParser.read(file, name));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to list shield policies in " + directory + ": " + e.getMessage(), e);
        }
        ShieldPolicy replacedDefault = policies.remove(DEFAULT_NAME);
        this.defaultPolicy = replacedDefault != null ? replacedDefault : DefaultPolicy.load();
    }

    @Override
    public ShieldPolicy policyFor(String tenant, String knowledgeBase) {
        if (tenant == null) {
            return defaultPolicy;
        }
        ShieldPolicy forKnowledgeBase = knowledgeBase == null ? null : policies.get(tenant + "/" + knowledgeBase);
        if (forKnowledgeBase != null) {
            return forKnowledgeBase;
        }
        return policies.getOrDefault(tenant, defaultPolicy);
    }

    @Override
    public Optional<ShieldPolicy> named(String name) {
        return Optional.ofNullable(policies.get(name));
    }

    @Override
    public Collection<ShieldPolicy> all() {
        return Stream.concat(Stream.of(defaultPolicy), policies.values().stream()).toList();
    }

    private static boolean isPolicyFile(Path file) {
        return EXTENSIONS.stream().anyMatch(file.getFileName().toString()::endsWith);
    }

    private static String nameOf(Path relative) {
        String path = relative.toString().replace('\\', '/');
        return path.substring(0, path.lastIndexOf('.'));
    }
}
