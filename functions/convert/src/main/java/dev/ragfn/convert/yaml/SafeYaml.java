package dev.ragfn.convert.yaml;

import dev.ragfn.core.error.InvalidInputException;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses untrusted YAML into plain maps, lists and scalars (the core schema, no custom tags, so no
 * object construction). Alias expansion, document size and flow nesting are bounded, so a
 * "billion laughs" document fails with {@link InvalidInputException} instead of eating the heap.
 * Ordinary syntax errors are reported as {@link YamlSyntaxException} so callers can skip the file.
 */
public final class SafeYaml {

    static final int MAX_ALIASES = 50;
    static final int MAX_CODE_POINTS = 3 * 1024 * 1024;
    static final int MAX_FLOW_DEPTH = 100;

    private SafeYaml() {
    }

    /** A file that is not valid YAML; not hostile, just unusable. */
    public static final class YamlSyntaxException extends RuntimeException {
        YamlSyntaxException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static Object load(String text, String origin) {
        List<Object> docs = loadAll(text, origin);
        return docs.isEmpty() ? null : docs.get(0);
    }

    public static List<Object> loadAll(String text, String origin) {
        checkFlowDepth(text, origin);
        LoadSettings settings = LoadSettings.builder()
                .setLabel(origin)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setAllowRecursiveKeys(false)
                .setAllowDuplicateKeys(true)
                .setCodePointLimit(MAX_CODE_POINTS)
                .build();
        List<Object> docs = new ArrayList<>();
        try {
            for (Object doc : new Load(settings).loadAllFromString(text)) {
                if (doc != null) {
                    docs.add(doc);
                }
            }
        } catch (YamlEngineException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("aliases") || m.contains("code points") || m.contains("Recursive key")) {
                throw new InvalidInputException("Refused YAML file '" + origin + "': " + firstLine(m), e);
            }
            throw new YamlSyntaxException("'" + origin + "' is not valid YAML: " + firstLine(m), e);
        } catch (StackOverflowError e) {
            throw new InvalidInputException("Refused YAML file '" + origin + "': nested too deeply");
        }
        return docs;
    }

    /**
     * Flow collections ([ and {) nest by recursion in the parser; refuse absurd depths before parsing.
     * Brackets inside strings count too, so the bound is far above any real document.
     */
    private static void checkFlowDepth(String text, String origin) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[' || c == '{') {
                if (++depth > MAX_FLOW_DEPTH) {
                    throw new InvalidInputException("Refused YAML file '" + origin + "': flow collections nested deeper than "
                            + MAX_FLOW_DEPTH);
                }
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
