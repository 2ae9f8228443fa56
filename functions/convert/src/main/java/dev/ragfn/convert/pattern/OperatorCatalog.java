package dev.ragfn.convert.pattern;

import dev.ragfn.convert.discovery.Inventory;
import dev.ragfn.convert.discovery.Inventory.Csv;
import dev.ragfn.convert.discovery.Inventory.Subscription;
import dev.ragfn.convert.yaml.SafeYaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps OLM package names to products ({@code rules/operators.yaml}) and finds their versions. */
final class OperatorCatalog {

    private static final Pattern CSV_VERSION = Pattern.compile("\\.v?(\\d+(?:\\.\\d+)+(?:[-+][\\w.]+)?)$");

    private final Map<String, String> products;

    private OperatorCatalog(Map<String, String> products) {
        this.products = products;
    }

    private static final class Bundled {
        static final OperatorCatalog CATALOG = load();
    }

    static OperatorCatalog bundled() {
        return Bundled.CATALOG;
    }

    /** The product a package installs, or the package name when the catalog does not know it. */
    String productOf(String packageName) {
        return products.getOrDefault(packageName, packageName);
    }

    private static OperatorCatalog load() {
        try (InputStream in = OperatorCatalog.class.getClassLoader().getResourceAsStream("rules/operators.yaml")) {
            if (in == null) {
                throw new IllegalStateException("rules/operators.yaml missing from the class path");
            }
            Map<?, ?> doc = (Map<?, ?>) SafeYaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8), "rules/operators.yaml");
            Map<String, String> products = new TreeMap<>();
            ((Map<?, ?>) doc.get("operators")).forEach((k, v) -> products.put(String.valueOf(k), String.valueOf(v)));
            return new OperatorCatalog(products);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read rules/operators.yaml", e);
        }
    }

    List<Product> products(Inventory inventory) {
        List<Product> result = new ArrayList<>();
        for (Subscription s : inventory.subscriptions()) {
            String version = Optional.ofNullable(s.startingCsv()).map(OperatorCatalog::versionOf)
                    .or(() -> inventory.csvs().stream().filter(c -> c.name() != null && c.name().startsWith(s.packageName() + "."))
                            .map(c -> c.version() != null ? c.version() : versionOf(c.name())).findFirst())
                    .orElse(null);
            result.add(new Product(s.packageName(), products.get(s.packageName()), version, s.channel(), s.file()));
        }
        for (Csv c : inventory.csvs()) {
            boolean covered = inventory.subscriptions().stream().anyMatch(s -> c.name() != null && c.name().startsWith(s.packageName() + "."));
            if (!covered && c.name() != null) {
                String pkg = c.name().replaceAll("\\.v?\\d.*$", "");
                result.add(new Product(pkg, products.getOrDefault(pkg, c.displayName()),
                        c.version() != null ? c.version() : versionOf(c.name()), null, c.file()));
            }
        }
        return result;
    }

    static String versionOf(String csvName) {
        Matcher m = CSV_VERSION.matcher(csvName);
        return m.find() ? m.group(1) : null;
    }
}
