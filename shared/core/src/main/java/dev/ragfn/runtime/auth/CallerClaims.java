package dev.ragfn.runtime.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragfn.core.error.AccessDeniedException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@link Caller} from a validated token's claims, as {@code ragfn.auth.*} names them. A
 * token without a tenant or a user is refused (403): the issuer vouches for someone ragfn cannot place.
 */
public final class CallerClaims {

    private final AuthConfig config;

    public CallerClaims(AuthConfig config) {
        this.config = config;
    }

    public Caller caller(JsonNode claims) {
        String user = text(claims.get(config.userClaim()));
        if (user == null || user.isBlank()) {
            throw AccessDeniedException.forbidden("the token names no user (claim " + config.userClaim() + ")");
        }
        return new Caller(user, tenant(claims), roles(claims));
    }

    private String tenant(JsonNode claims) {
        String claim = config.tenantClaim();
        String prefix = config.tenantPrefix().orElse("");
        List<String> tenants = new ArrayList<>();
        for (String entry : entries(claims.get(claim))) {
            // A group path such as /tenant-acme counts as its last segment.
            String name = entry.substring(entry.lastIndexOf('/') + 1);
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                tenants.add(name.substring(prefix.length()));
            }
        }
        if (tenants.size() != 1) {
            throw AccessDeniedException.forbidden(tenants.isEmpty()
                    ? "the token names no tenant (claim " + claim + (prefix.isEmpty() ? "" : ", prefix " + prefix) + ")"
                    : "the token names several tenants (claim " + claim + "); a caller acts for one");
        }
        return tenants.getFirst();
    }

    private Set<Role> roles(JsonNode claims) {
        JsonNode node = claims;
        for (String step : config.rolesClaim().split("\\.")) {
            node = node == null ? null : node.get(step);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        entries(node).forEach(name -> Role.named(name).ifPresent(roles::add));
        return roles;
    }

    private static List<String> entries(JsonNode node) {
        List<String> entries = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(entry -> {
                if (entry.isValueNode()) {
                    entries.add(entry.asText());
                }
            });
        } else if (text(node) != null) {
            entries.add(node.asText());
        }
        return entries;
    }

    private static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
