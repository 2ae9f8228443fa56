package dev.ragfn.runtime.auth;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * quarkus-oidc's settings, derived from {@code ragfn.auth.*} so that a deployment sets ragfn's keys
 * only: mode oidc turns the default OIDC tenant on, the issuer is its discovery URL, the audience and
 * clock skew are checked on every token. Its ordinal sits below application.properties and the
 * environment, so an explicit {@code quarkus.oidc.*} value still wins. A package without quarkus-oidc
 * (the event-only functions) gets no such key, which Quarkus would warn about at every start.
 */
public class OidcSettings implements ConfigSourceFactory {

    static final int ORDINAL = 150;

    private final boolean oidcPresent;

    public OidcSettings() {
        this(isPresent("io.quarkus.oidc.OidcTenantConfig"));
    }

    OidcSettings(boolean oidcPresent) {
        this.oidcPresent = oidcPresent;
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!oidcPresent) {
            return List.of();
        }
        String mode = value(context, "ragfn.auth.mode", "none");
        boolean oidc = "oidc".equals(mode.toLowerCase(Locale.ROOT));
        Map<String, String> settings = new HashMap<>();
        settings.put("quarkus.oidc.tenant-enabled", String.valueOf(oidc));
        if (oidc) {
            String issuer = value(context, "ragfn.auth.issuer", "");
            if (!issuer.isBlank()) {
                settings.put("quarkus.oidc.auth-server-url", issuer);
            }
            settings.put("quarkus.oidc.application-type", "service");
            settings.put("quarkus.oidc.token.audience", value(context, "ragfn.auth.audience", "ragfn-api"));
            settings.put("quarkus.oidc.token.lifespan-grace", String.valueOf(clockSkew(value(context, "ragfn.auth.clock-skew", "30s")).toSeconds()));
        }
        return List.of(new PropertiesConfigSource(settings, "ragfn.auth (OidcSettings)", ORDINAL));
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, OidcSettings.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String value(ConfigSourceContext context, String name, String otherwise) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? otherwise : value.getValue().strip();
    }

    /** The Duration format of every ragfn key: 30s, 2m, or ISO-8601 (PT30S). */
    static Duration clockSkew(String text) {
        String iso = text.toUpperCase(Locale.ROOT);
        if (!iso.startsWith("P")) {
            iso = Character.isDigit(iso.charAt(iso.length() - 1)) ? "PT" + iso + "S" : "PT" + iso;
        }
        try {
            return Duration.parse(iso);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("ragfn.auth.clock-skew must be a duration such as 30s, but was " + text, e);
        }
    }
}
