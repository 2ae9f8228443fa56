package dev.ragfn.convert.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dependency names from build files by text, never by running or resolving them (pom.xml is
 * scanned with patterns rather than an XML parser, so entity tricks have no effect).
 */
final class BuildFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern POM_DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern GROUP = Pattern.compile("<groupId>\\s*([^<\\s]+)\\s*</groupId>");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>\\s*([^<\\s]+)\\s*</artifactId>");
    private static final Pattern PEP621 = Pattern.compile("(?m)^\\s*dependencies\\s*=\\s*\\[(.*?)]", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("[\"']([^\"']+)[\"']");
    private static final Pattern GO_REQUIRE_BLOCK = Pattern.compile("(?m)^require\\s*\\((.*?)\\)", Pattern.DOTALL);
    private static final Pattern GO_REQUIRE_LINE = Pattern.compile("(?m)^require\\s+([^\\s(]+)\\s+\\S+");

    private BuildFiles() {
    }

    /** The ecosystem of a build file name, or null when it is not one. */
    static String ecosystem(String fileName) {
        return switch (fileName) {
            case "pom.xml" -> "maven";
            case "package.json" -> "npm";
            case "requirements.txt", "pyproject.toml" -> "pypi";
            case "go.mod" -> "go";
            default -> null;
        };
    }

    static List<String> dependencies(String fileName, String text) {
        Set<String> deps = new LinkedHashSet<>();
        switch (fileName) {
            case "pom.xml" -> {
                Matcher m = POM_DEPENDENCY.matcher(text);
                while (m.find()) {
                    Matcher g = GROUP.matcher(m.group(1));
                    Matcher a = ARTIFACT.matcher(m.group(1));
                    if (a.find()) {
                        deps.add((g.find() ? g.group(1) + ":" : "") + a.group(1));
                    }
                }
            }
            case "package.json" -> {
                try {
                    JsonNode root = JSON.readTree(text);
                    for (String section : List.of("dependencies", "devDependencies")) {
                        Iterator<String> names = root.path(section).fieldNames();
                        names.forEachRemaining(deps::add);
                    }
                } catch (Exception e) {
                    // An unreadable package.json has no dependencies we can name; discovery warns about it.
                    return null;
                }
            }
            case "requirements.txt" -> text.lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("-"))
                    .map(BuildFiles::pythonName).forEach(deps::add);
            case "pyproject.toml" -> {
                Matcher m = PEP621.matcher(text);
                while (m.find()) {
                    Matcher q = QUOTED.matcher(m.group(1));
                    while (q.find()) {
                        deps.add(pythonName(q.group(1)));
                    }
                }
                boolean poetry = false;
                for (String line : text.lines().toList()) {
                    String l = line.strip();
                    if (l.startsWith("[")) {
                        poetry = l.equals("[tool.poetry.dependencies]");
                    } else if (poetry && l.contains("=") && !l.startsWith("#")) {
                        String name = l.substring(0, l.indexOf('=')).strip();
                        if (!name.equals("python")) {
                            deps.add(name);
                        }
                    }
                }
            }
            case "go.mod" -> {
                Matcher block = GO_REQUIRE_BLOCK.matcher(text);
                while (block.find()) {
                    block.group(1).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("//"))
                            .map(l -> l.split("\\s+")[0]).forEach(deps::add);
                }
                Matcher line = GO_REQUIRE_LINE.matcher(text);
                while (line.find()) {
                    deps.add(line.group(1));
                }
            }
            default -> {
                return List.of();
            }
        }
        return new ArrayList<>(deps);
    }

    private static String pythonName(String requirement) {
        return requirement.split("[\\[<>=!~;@ ]", 2)[0].strip();
    }
}
