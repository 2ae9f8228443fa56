package dev.ragfn.runtime;

import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Finds the backend that configuration names among those the package's modules register. The
 * choice between embedded and cloud is made by which modules a function depends on: a backend whose
 * module is not in the package is refused with the key to change or the module to add.
 */
public final class Backends {

    /** Read once per backend type: the modules of a package do not change while it runs (health checks ask often). */
    private static final ClassValue<List<?>> AVAILABLE = new ClassValue<>() {
        @Override
        protected List<?> computeValue(Class<?> type) {
            return ServiceLoader.load(type, Backends.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList();
        }
    };

    private Backends() {
    }

    /** Every backend of this type that the package's modules register. */
    @SuppressWarnings("unchecked")
    public static <B> List<B> available(Class<B> type) {
        return (List<B>) AVAILABLE.get(type);
    }

    /**
     * The backend whose kind is {@code wanted}.
     *
     * @param key    the configuration key that chose it, for the error
     * @param module the Maven module that brings {@code wanted}, for the error
     */
    public static <B, K extends Enum<K>> B select(Class<B> type, Function<B, K> kind, K wanted, String key, String module) {
        List<B> available = available(type);
        return available.stream().filter(b -> kind.apply(b) == wanted).findFirst().orElseThrow(() ->
                new IllegalStateException(key + " is " + configValue(wanted) + " but this package does not include its module "
                        + "dev.ragfn:" + module + "; add that dependency, or set " + key + " to one the package has: "
                        + available.stream().map(b -> configValue(kind.apply(b))).sorted().toList()));
    }

    /** How an enum value is written in configuration (IN_PROCESS as in-process). */
    public static String configValue(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
